package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Folds a batch of deliveries into a Receiver's event fields: each new delivery id counts
 * once; an id already in recentEvents (or earlier in the batch) is a duplicate.
 */
final class StatusMerge {
    private final long eventCount;
    private final List<V1alpha1ReceivedEvent> recentEvents;
    private final List<Boolean> recorded;

    private StatusMerge(long eventCount, List<V1alpha1ReceivedEvent> recentEvents, List<Boolean> recorded) {
        this.eventCount = eventCount;
        this.recentEvents = recentEvents;
        this.recorded = recorded;
    }

    static StatusMerge apply(V1alpha1ReceiverStatus current, List<V1alpha1ReceivedEvent> batch, int recentLimit) {
        long count = current == null ? 0 : current.getEventCount();
        List<V1alpha1ReceivedEvent> previous = current == null ? List.of() : current.getRecentEvents();
        Set<String> seen = new HashSet<>();
        previous.forEach(event -> seen.add(event.getId()));
        List<V1alpha1ReceivedEvent> fresh = new ArrayList<>();
        List<Boolean> recorded = new ArrayList<>(batch.size());
        for (V1alpha1ReceivedEvent event : batch) {
            boolean isNew = seen.add(event.getId());
            recorded.add(isNew);
            if (isNew) {
                fresh.add(0, event);
                count++;
            }
        }
        List<V1alpha1ReceivedEvent> recent = new ArrayList<>(fresh);
        recent.addAll(previous);
        return new StatusMerge(count, List.copyOf(recent.subList(0, Math.min(recentLimit, recent.size()))), recorded);
    }

    boolean changesAnything() {
        return recorded.contains(true);
    }

    /** Whether the i-th delivery of the batch was counted (false: a duplicate). */
    boolean recorded(int index) {
        return recorded.get(index);
    }

    long eventCount() {
        return eventCount;
    }

    List<V1alpha1ReceivedEvent> recentEvents() {
        return recentEvents;
    }

    V1alpha1ReceivedEvent lastEvent() {
        return recentEvents.isEmpty() ? null : recentEvents.get(0);
    }
}
