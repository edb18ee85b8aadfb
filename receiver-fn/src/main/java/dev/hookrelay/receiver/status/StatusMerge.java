package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Rejection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Folds a batch of deliveries and the rejections tallied since the last write into the
 * function's fields of a Receiver status, as read. Each new delivery id counts once. An id
 * already in recentEvents is a duplicate, unless it is this very delivery (same id, same
 * receivedAt): then an earlier write whose answer was lost did commit it, and it is recorded.
 */
final class StatusMerge {
    enum Outcome {
        /** Counted by this write. */
        NEW,
        /** Already in status as this very delivery: an earlier write whose answer was lost committed it. */
        RECORDED_EARLIER,
        /** Another delivery with this id is in status (a redelivery), or earlier in the batch. */
        DUPLICATE
    }

    private final List<Outcome> outcomes;
    private final List<V1alpha1ReceivedEvent> fresh;
    private final long eventCount;
    private final Rejections.Tally rejections;
    private final long rejectedCount;

    private StatusMerge(List<Outcome> outcomes, List<V1alpha1ReceivedEvent> fresh, long eventCount,
                        Rejections.Tally rejections, long rejectedCount) {
        this.outcomes = outcomes;
        this.fresh = fresh;
        this.eventCount = eventCount;
        this.rejections = rejections;
        this.rejectedCount = rejectedCount;
    }

    static StatusMerge apply(ReceiverState status, List<V1alpha1ReceivedEvent> batch, Rejections.Tally rejections) {
        Map<String, V1alpha1ReceivedEvent> recorded = new HashMap<>();
        status.recentEvents().forEach(event -> recorded.putIfAbsent(event.getId(), event));
        Set<String> inBatch = new HashSet<>();
        List<V1alpha1ReceivedEvent> fresh = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (V1alpha1ReceivedEvent event : batch) {
            V1alpha1ReceivedEvent earlier = recorded.get(event.getId());
            if (earlier != null) {
                outcomes.add(Objects.equals(earlier.getReceivedAt(), event.getReceivedAt()) ? Outcome.RECORDED_EARLIER : Outcome.DUPLICATE);
            } else if (inBatch.add(event.getId())) {
                outcomes.add(Outcome.NEW);
                fresh.add(0, event);
            } else {
                outcomes.add(Outcome.DUPLICATE);
            }
        }
        boolean rejectionsWritten = rejections.count() > 0 && !sameRejection(status.lastRejection(), rejections.last());
        Rejections.Tally toWrite = rejectionsWritten ? rejections : Rejections.Tally.empty();
        return new StatusMerge(outcomes, List.copyOf(fresh), status.eventCount() + fresh.size(), toWrite,
                status.rejectedCount() + toWrite.count());
    }

    /** The newest rejection is already there: an earlier write whose answer was lost committed it. */
    private static boolean sameRejection(V1alpha1Rejection stored, V1alpha1Rejection ours) {
        return stored != null && Objects.equals(stored.getAt(), ours.getAt()) && Objects.equals(stored.getReason(), ours.getReason());
    }

    boolean writesEvents() {
        return !fresh.isEmpty();
    }

    boolean writesRejections() {
        return rejections.count() > 0;
    }

    boolean changesAnything() {
        return writesEvents() || writesRejections();
    }

    Outcome outcome(int index) {
        return outcomes.get(index);
    }

    /** The deliveries this write counts, newest first. */
    List<V1alpha1ReceivedEvent> fresh() {
        return fresh;
    }

    long eventCount() {
        return eventCount;
    }

    Rejections.Tally rejections() {
        return rejections;
    }

    long rejectedCount() {
        return rejectedCount;
    }
}
