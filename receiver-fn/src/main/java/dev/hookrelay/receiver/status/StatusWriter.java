package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.receiver.AsFunction;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread writes the Receiver status; every delivery that arrives while a
 * write is in flight joins the next write, and so do the rejections tallied meanwhile. A
 * delivery's future completes only once the write that contains it has been accepted by the API
 * server (durable in etcd), or once its status is read back after a write whose answer was lost,
 * and fails with {@link StatusUnavailableException} otherwise — never a success that was not
 * stored, and never a wait without end: if the writer thread dies, the function reports itself
 * down and exits so that Kubernetes restarts it.
 */
@AsFunction
@Context
public class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
    /** Reads after writes whose outcome is unknown, per batch, before the deliveries still absent get 503. */
    private static final int UNKNOWN_OUTCOME_RETRIES = 2;
    /** Pauses before reading again when the read-back after a write of unknown outcome fails too. */
    private static final long[] READ_BACK_BACKOFF_MILLIS = {200, 500, 1000, 2000};
    private static final long MAX_CONFLICT_BACKOFF_MILLIS = 50;

    private final BeanProvider<ReceiverStatusClient> clients;
    private final StatusSettings settings;
    private final StatusMetrics metrics;
    private final ReceiverEvents events;
    private final Rejections rejections;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final List<Pending> inFlight = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean dead;
    private ReceiverStatusClient client;
    private StatusPatch patches;
    private V1alpha1Receiver current;

    /** The Kubernetes client is built on the writer thread, off the start-up path of the HTTP server. */
    StatusWriter(BeanProvider<ReceiverStatusClient> clients, StatusSettings settings, StatusMetrics metrics,
                 ReceiverEvents events, Rejections rejections) {
        this.clients = clients;
        this.settings = settings;
        this.metrics = metrics;
        this.events = events;
        this.rejections = rejections;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::run, "status-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a delivery for the next status write, its fields fitted to the status schema. */
    public CompletableFuture<Recorded> record(V1alpha1ReceivedEvent event) {
        Pending pending = new Pending(DeliveryFields.fitted(event), new CompletableFuture<>());
        if (dead || stopping) {
            pending.result().completeExceptionally(new StatusUnavailableException(dead
                    ? "this function cannot write its Receiver's status and is restarting; retry later"
                    : "this function is shutting down; retry later"));
        } else if (!queue.offer(pending)) {
            pending.result().completeExceptionally(new StatusUnavailableException(
                    "too many deliveries are waiting to be recorded; retry later"));
        }
        return pending.result();
    }

    /** False once the writer thread has died: /health reports DOWN while the process exits. */
    public boolean alive() {
        return !dead;
    }

    /**
     * On SIGTERM (after the HTTP server has let in-flight requests finish): what is still queued
     * is written for up to the drain timeout; whatever remains then is answered 503.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        queue.offer(Pending.WAKE_UP);
        writer.join(settings.drainTimeout().toMillis());
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, "this function is shutting down; retry later");
    }

    private void run() {
        try {
            client = clients.get();
            patches = new StatusPatch(client.gson(), settings.recentEvents());
            warmUp();
            while (!stopping || !queue.isEmpty()) {
                Pending first = queue.poll(settings.rejectionFlush().toNanos(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    inFlight.add(first);
                    queue.drainTo(inFlight, settings.maxBatch() - 1);
                    inFlight.remove(Pending.WAKE_UP);
                }
                if (!inFlight.isEmpty() || rejections.anyPending()) {
                    commit(List.copyOf(inFlight));
                }
                inFlight.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            die(e);
        }
    }

    /**
     * Reads the status once at start-up, while the server binds its port, so that the first
     * delivery of a cold start finds the connection open and needs a single PATCH.
     */
    private void warmUp() {
        try {
            current = client.read();
        } catch (ApiException | RuntimeException e) {
            LOG.debug("could not read the Receiver status at start-up; the first delivery will");
        }
    }

    private void die(Throwable cause) {
        dead = true;
        LOG.error("the status writer stopped ({}); failing health and exiting so that Kubernetes restarts this function",
                cause.toString());
        List<Pending> left = new ArrayList<>(inFlight);
        queue.drainTo(left);
        fail(left, "this function cannot write its Receiver's status and is restarting; retry later");
        Thread exit = new Thread(() -> System.exit(1), "status-writer-exit");
        exit.start();
    }

    private void commit(List<Pending> batch) {
        long started = System.nanoTime();
        Rejections.Tally tally = rejections.take();
        List<Pending> open = new ArrayList<>(batch);
        int conflicts = 0;
        int unknown = 0;
        while (true) {
            try {
                if (current == null) {
                    current = unknown == 0 ? client.read() : readBack();
                }
            } catch (ApiException | RuntimeException e) {
                fail(open, "the Receiver status could not be read: " + describe(e));
                rejections.putBack(tally);
                return;
            }
            StatusMerge merge = StatusMerge.apply(current.getStatus(), events(open), tally);
            if (!merge.changesAnything()) {
                complete(open, merge);
                break;
            }
            try {
                current = client.patch(patches.of(current, merge));
                complete(open, merge);
                events.written(current, merge);
                break;
            } catch (ApiException e) {
                current = null;
                WriteFailure failure = WriteFailure.of(e);
                if (failure == WriteFailure.STALE && conflicts++ < settings.conflictRetries()) {
                    backOff(conflicts);
                    joinQueued(open);
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
    private void settle(List<Pending> batch, Rejections.Tally tally) {
        StatusMerge merge;
        try {
            current = readBack();
            merge = StatusMerge.apply(current.getStatus(), events(batch), tally);
        } catch (ApiException | RuntimeException e) {
            fail(batch, "the Receiver status could not be read back after a write whose outcome is unknown; retry later");
            return;
        }
        List<Pending> absent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (merge.outcome(i) == StatusMerge.Outcome.NEW) {
                absent.add(pending);
            } else {
                pending.result().complete(new Recorded(pending.event().getId(),
                        merge.outcome(i) == StatusMerge.Outcome.DUPLICATE, current.getStatus().getEventCount()));
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

    /** Deliveries that arrived meanwhile join the retried write: the same round trip records them too. */
    private void joinQueued(List<Pending> open) {
        List<Pending> arrived = new ArrayList<>();
        queue.drainTo(arrived, Math.max(0, settings.maxBatch() - open.size()));
        arrived.remove(Pending.WAKE_UP);
        inFlight.addAll(arrived);
        open.addAll(arrived);
    }

    /**
     * Reads the status after a write whose outcome is unknown: the network that lost the answer
     * may take a moment to come back, and a 503 for a delivery that was recorded would make the
     * provider redeliver it (counted twice where it carries no id).
     */
    private V1alpha1Receiver readBack() throws ApiException {
        for (int attempt = 0; ; attempt++) {
            try {
                return client.read();
            } catch (ApiException | RuntimeException e) {
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
    private void bisect(List<Pending> batch, Rejections.Tally tally) {
        rejections.putBack(tally);
        int half = batch.size() / 2;
        commit(batch.subList(0, half));
        commit(batch.subList(half, batch.size()));
    }

    private static List<V1alpha1ReceivedEvent> events(List<Pending> batch) {
        return batch.stream().map(Pending::event).toList();
    }

    private void complete(List<Pending> batch, StatusMerge merge) {
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            pending.result().complete(new Recorded(pending.event().getId(),
                    merge.outcome(i) == StatusMerge.Outcome.DUPLICATE, merge.eventCount()));
        }
    }

    private void fail(List<Pending> batch, String reason) {
        List<Pending> deliveries = batch.stream().filter(p -> p != Pending.WAKE_UP).toList();
        if (deliveries.isEmpty()) {
            return;
        }
        metrics.failed(deliveries.size());
        StatusUnavailableException failure = new StatusUnavailableException(reason);
        deliveries.forEach(p -> p.result().completeExceptionally(failure));
    }

    private static String describe(Exception e) {
        if (!(e instanceof ApiException api)) {
            return "the Kubernetes API server could not be reached; retry later";
        }
        return switch (api.getCode()) {
            case 0 -> "the Kubernetes API server is unreachable; retry later";
            case 409, 422 -> "the Receiver status kept changing under concurrent writes; retry later";
            case 404 -> "the Receiver does not exist (any more); retry later";
            case 403 -> "this function may not write its Receiver's status; check its Role";
            default -> "the Kubernetes API server answered " + api.getCode() + "; retry later";
        };
    }

    private record Pending(V1alpha1ReceivedEvent event, CompletableFuture<Recorded> result) {
        /** Put in the queue on shutdown so that the writer does not wait for a delivery that will not come. */
        static final Pending WAKE_UP = new Pending(null, new CompletableFuture<>());
    }
}
