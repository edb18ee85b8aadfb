package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.receiver.kubernetes.ApiCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of deliveries into the Receiver status and answers each: a re-read and
 * merge when another function instance counted first, a read-back when the outcome of a write
 * is unknown, halves when the API server refuses a write as invalid. Keeps the status as last
 * read or written, so that an idle delivery needs a single PATCH. Used by the writer thread only.
 */
final class StatusCommit {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCommit.class);
    /** Reads after writes whose outcome is unknown, per batch, before the deliveries still absent get 503. */
    private static final int UNKNOWN_OUTCOME_RETRIES = 2;
    /** Pauses before reading again when the read-back after a write of unknown outcome fails too. */
    private static final long[] READ_BACK_BACKOFF_MILLIS = {200, 500, 1000, 2000};
    private static final long MAX_CONFLICT_BACKOFF_MILLIS = 50;

    private final ReceiverStatusClient client;
    private final StatusPatch patches;
    private final StatusSettings settings;
    private final StatusMetrics metrics;
    private final KubeEvents events;
    private final Rejections rejections;
    private final IntFunction<List<PendingDelivery>> arrivals;
    private ReceiverState current;

    /** @param arrivals up to n deliveries queued since the batch was taken, to join a retried write */
    StatusCommit(ReceiverStatusClient client, StatusSettings settings, StatusMetrics metrics, KubeEvents events,
                 Rejections rejections, IntFunction<List<PendingDelivery>> arrivals) {
        this.client = client;
        this.patches = new StatusPatch(settings.recentEvents());
        this.settings = settings;
        this.metrics = metrics;
        this.events = events;
        this.rejections = rejections;
        this.arrivals = arrivals;
    }

    /**
     * Reads the status once at start-up, while the server binds its port, so that the first
     * delivery of a cold start finds the connection open and needs a single PATCH.
     */
    void warmUp() {
        try {
            current = client.read();
        } catch (ApiCallException | RuntimeException e) {
            LOG.debug("could not read the Receiver status at start-up; the first delivery will");
        }
    }

    /** Writes a batch and answers each delivery in it; rejections tallied meanwhile go along. */
    void commit(List<PendingDelivery> batch) {
        long started = System.nanoTime();
        Rejections.Tally tally = rejections.take();
        List<PendingDelivery> open = new ArrayList<>(batch);
        int conflicts = 0;
        int unknown = 0;
        while (true) {
            try {
                if (current == null) {
                    current = unknown == 0 ? client.read() : readBack();
                }
            } catch (ApiCallException | RuntimeException e) {
                fail(open, "the Receiver status could not be read: " + describe(e));
                rejections.putBack(tally);
                return;
            }
            StatusMerge merge = StatusMerge.apply(current, events(open), tally);
            if (!merge.changesAnything()) {
                complete(open, merge);
                break;
            }
            try {
                ReceiverState.Identity written = client.patch(patches.of(current, merge));
                current = current.after(merge, written, settings.recentEvents());
                complete(open, merge);
                events.written(written, merge);
                break;
            } catch (ApiCallException e) {
                current = null;
                WriteFailure failure = WriteFailure.of(e);
                if (failure == WriteFailure.STALE && conflicts++ < settings.conflictRetries()) {
                    backOff(conflicts);
                    open.addAll(arrivals.apply(settings.maxBatch() - open.size()));
                    continue;
                }
                if (failure == WriteFailure.UNKNOWN) {
                    LOG.warn("a status write may or may not have committed ({}); reading it back", describe(e));
                    if (unknown++ < UNKNOWN_OUTCOME_RETRIES) {
                        continue;
                    }
                    settle(open, tally);
                    break;
                }
                if (failure == WriteFailure.INVALID && open.size() > 1) {
                    bisect(open, tally);
                    break;
                }
                if (failure == WriteFailure.INVALID) {
                    LOG.warn("the API server refused a delivery as invalid in {}", WriteFailure.invalidFields(e));
                    fail(open, "the API server refused to store this delivery (422); it is not recorded");
                } else {
                    fail(open, describe(e));
                    rejections.putBack(tally);
                }
                break;
            } catch (RuntimeException e) {
                current = null;
                LOG.warn("a status write failed ({}); reading it back", e.getClass().getSimpleName());
                if (unknown++ < UNKNOWN_OUTCOME_RETRIES) {
                    continue;
                }
                settle(open, tally);
                break;
            }
        }
        metrics.committed(open.size(), System.nanoTime() - started);
    }

    /**
     * After the last write whose outcome is unknown: answers each delivery as what the status
     * read back says it is, and 503 only for those not there.
     */
    private void settle(List<PendingDelivery> batch, Rejections.Tally tally) {
        StatusMerge merge;
        try {
            current = readBack();
            merge = StatusMerge.apply(current, events(batch), tally);
        } catch (ApiCallException | RuntimeException e) {
            fail(batch, "the Receiver status could not be read back after a write whose outcome is unknown; retry later");
            return;
        }
        List<PendingDelivery> absent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            PendingDelivery pending = batch.get(i);
            if (merge.outcome(i) == StatusMerge.Outcome.NEW) {
                absent.add(pending);
            } else {
                pending.result().complete(new Recorded(pending.event().getId(),
                        merge.outcome(i) == StatusMerge.Outcome.DUPLICATE, current.eventCount()));
            }
        }
        fail(absent, "the Kubernetes API server did not confirm the write; retry later");
        if (merge.writesRejections()) {
            rejections.putBack(tally);
        }
    }

    /**
     * Another function instance counted first: wait a random moment, growing with each conflict,
     * so that instances writing together fall out of step instead of colliding again.
     */
    private static void backOff(int conflicts) {
        long maxMillis = Math.min(MAX_CONFLICT_BACKOFF_MILLIS, 1L << Math.min(conflicts, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(maxMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads the status after a write whose outcome is unknown: the network that lost the answer
     * may take a moment to come back, and a 503 for a delivery that was recorded would make the
     * provider redeliver it (counted twice where it carries no id).
     */
    private ReceiverState readBack() throws ApiCallException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.read();
            } catch (ApiCallException | RuntimeException e) {
                if (attempt == READ_BACK_BACKOFF_MILLIS.length) {
                    throw e;
                }
            }
            try {
                Thread.sleep(READ_BACK_BACKOFF_MILLIS[attempt]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StatusUnavailableException("interrupted while reading the status back");
            }
        }
    }

    /** One delivery the API server refuses never fails the others: each half is written on its own. */
    private void bisect(List<PendingDelivery> batch, Rejections.Tally tally) {
        rejections.putBack(tally);
        int half = batch.size() / 2;
        commit(batch.subList(0, half));
        commit(batch.subList(half, batch.size()));
    }

    private static List<V1alpha1ReceivedEvent> events(List<PendingDelivery> batch) {
        return batch.stream().map(PendingDelivery::event).toList();
    }

    private void complete(List<PendingDelivery> batch, StatusMerge merge) {
        for (int i = 0; i < batch.size(); i++) {
            PendingDelivery pending = batch.get(i);
            pending.result().complete(new Recorded(pending.event().getId(),
                    merge.outcome(i) == StatusMerge.Outcome.DUPLICATE, merge.eventCount()));
        }
    }

    private void fail(List<PendingDelivery> batch, String reason) {
        metrics.failed(PendingDelivery.failAll(batch, reason));
    }

    private static String describe(Exception e) {
        if (!(e instanceof ApiCallException api)) {
            return "the Kubernetes API server could not be reached; retry later";
        }
        return switch (api.code()) {
            case 0 -> "the Kubernetes API server is unreachable; retry later";
            case 409, 422 -> "the Receiver status kept changing under concurrent writes; retry later";
            case 404 -> "the Receiver does not exist (any more); retry later";
            case 403 -> "this function may not write its Receiver's status; check its Role";
            default -> "the Kubernetes API server answered " + api.code() + "; retry later";
        };
    }
}
