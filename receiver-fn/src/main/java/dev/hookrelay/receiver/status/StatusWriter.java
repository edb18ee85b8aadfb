package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.receiver.AsFunction;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread writes the Receiver status; every delivery that arrives while a
 * write is in flight joins the next write. A delivery's future completes only once the
 * write that contains it has been accepted by the API server (durable in etcd), and fails
 * with {@link StatusUnavailableException} otherwise — never a success that was not stored.
 */
@AsFunction
@Context
public class StatusWriter {
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

    private final BeanProvider<ReceiverStatusClient> clients;
    private final StatusSettings settings;
    private final StatusMetrics metrics;
    private final DeliveryEvents events;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private ReceiverStatusClient client;
    private V1alpha1Receiver current;

    /** The Kubernetes client is built on the writer thread, off the start-up path of the HTTP server. */
    StatusWriter(BeanProvider<ReceiverStatusClient> clients, StatusSettings settings, StatusMetrics metrics,
                 DeliveryEvents events) {
        this.clients = clients;
        this.settings = settings;
        this.metrics = metrics;
        this.events = events;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.writer = new Thread(this::run, "status-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a delivery for the next status write. */
    public CompletableFuture<Recorded> record(V1alpha1ReceivedEvent event) {
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            pending.result().completeExceptionally(new StatusUnavailableException(
                    "too many deliveries are waiting to be recorded; retry later"));
        }
        return pending.result();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }

    private void run() {
        client = clients.get();
        warmUp();
        List<Pending> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, settings.maxBatch() - 1);
                commit(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            batch.addAll(queue);
            batch.forEach(p -> p.result().completeExceptionally(new StatusUnavailableException("shutting down")));
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

    private void commit(List<Pending> batch) {
        List<V1alpha1ReceivedEvent> deliveries = batch.stream().map(Pending::event).toList();
        long started = System.nanoTime();
        for (int attempt = 0; ; attempt++) {
            try {
                if (current == null) {
                    current = client.read();
                }
                StatusMerge merge = StatusMerge.apply(current.getStatus(), deliveries, settings.recentEvents());
                if (merge.changesAnything()) {
                    current = client.patchEvents(current.getMetadata().getResourceVersion(), merge);
                }
                metrics.committed(batch.size(), System.nanoTime() - started, merge.changesAnything());
                complete(batch, merge);
                return;
            } catch (ApiException e) {
                current = null;
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT && attempt < settings.conflictRetries()) {
                    continue;
                }
                fail(batch, reason(e));
                return;
            } catch (RuntimeException e) {
                current = null;
                LOG.warn("status write failed: {}", e.getClass().getSimpleName());
                fail(batch, "the Receiver status could not be written; retry later");
                return;
            }
        }
    }

    private void complete(List<Pending> batch, StatusMerge merge) {
        List<V1alpha1ReceivedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            boolean isNew = merge.recorded(i);
            if (isNew) {
                recorded.add(batch.get(i).event());
            }
            batch.get(i).result().complete(new Recorded(!isNew, merge.eventCount()));
        }
        events.recorded(recorded);
    }

    private void fail(List<Pending> batch, String reason) {
        metrics.failed(batch.size());
        StatusUnavailableException failure = new StatusUnavailableException(reason);
        batch.forEach(p -> p.result().completeExceptionally(failure));
    }

    private static String reason(ApiException e) {
        return switch (e.getCode()) {
            case 0 -> "the Kubernetes API server is unreachable; retry later";
            case HttpURLConnection.HTTP_CONFLICT -> "the Receiver status kept changing under concurrent writes; retry later";
            case HttpURLConnection.HTTP_NOT_FOUND -> "the Receiver does not exist (any more); retry later";
            case HttpURLConnection.HTTP_FORBIDDEN -> "this function may not write its Receiver's status; check its Role";
            default -> "the Kubernetes API server answered " + e.getCode() + "; retry later";
        };
    }

    private record Pending(V1alpha1ReceivedEvent event, CompletableFuture<Recorded> result) {
    }
}
