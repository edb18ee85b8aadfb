package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
@Context
public class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final BeanProvider<ReceiverStatusClient> clients;
    private final StatusSettings settings;
    private final StatusMetrics metrics;
    private final KubeEvents events;
    private final Rejections rejections;
    private final BlockingQueue<PendingDelivery> queue;
    private final Thread writer;
    private final List<PendingDelivery> inFlight = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean dead;

    /** The Kubernetes client is built on the writer thread, off the start-up path of the HTTP server. */
    StatusWriter(BeanProvider<ReceiverStatusClient> clients, StatusSettings settings, StatusMetrics metrics,
                 KubeEvents events, Rejections rejections) {
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
        PendingDelivery pending = new PendingDelivery(DeliveryFields.fitted(event), new CompletableFuture<>());
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
        queue.offer(PendingDelivery.WAKE_UP);
        writer.join(settings.drainTimeout().toMillis());
        List<PendingDelivery> left = new ArrayList<>();
        queue.drainTo(left);
        fail(left, "this function is shutting down; retry later");
    }

    private void run() {
        try {
            StatusCommit commit = new StatusCommit(clients.get(), settings, metrics, events, rejections, this::arrivals);
            commit.warmUp();
            while (!stopping || !queue.isEmpty()) {
                PendingDelivery first = queue.poll(settings.rejectionFlush().toNanos(), TimeUnit.NANOSECONDS);
                if (first != null) {
                    inFlight.add(first);
                    queue.drainTo(inFlight, settings.maxBatch() - 1);
                    inFlight.remove(PendingDelivery.WAKE_UP);
                }
                if (!inFlight.isEmpty() || rejections.anyPending()) {
                    commit.commit(List.copyOf(inFlight));
                }
                inFlight.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            die(e);
        }
    }

    /** Deliveries queued since the batch was taken, up to {@code max}: they join a retried write. */
    private List<PendingDelivery> arrivals(int max) {
        List<PendingDelivery> arrived = new ArrayList<>();
        queue.drainTo(arrived, Math.max(0, max));
        arrived.remove(PendingDelivery.WAKE_UP);
        inFlight.addAll(arrived);
        return arrived;
    }

    private void die(Throwable cause) {
        dead = true;
        LOG.error("the status writer stopped ({}); failing health and exiting so that Kubernetes restarts this function",
                cause.toString());
        List<PendingDelivery> left = new ArrayList<>(inFlight);
        queue.drainTo(left);
        fail(left, "this function cannot write its Receiver's status and is restarting; retry later");
        Thread exit = new Thread(() -> System.exit(1), "status-writer-exit");
        exit.start();
    }

    private void fail(List<PendingDelivery> batch, String reason) {
        metrics.failed(PendingDelivery.failAll(batch, reason));
    }
}
