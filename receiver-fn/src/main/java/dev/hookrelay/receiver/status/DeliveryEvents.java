package dev.hookrelay.receiver.status;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.receiver.ReceiverIdentity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kubernetes Event per recorded delivery on the Receiver; under a burst, at most one
 * Event per interval, summarising what was recorded since the last one. Never on the
 * request path: a failure to emit an Event loses nothing that matters.
 */
@Singleton
class DeliveryEvents {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEvents.class);

    private final BeanProvider<ApiClient> clients;
    private final ReceiverIdentity receiver;
    private final long intervalNanos;
    private final ScheduledExecutorService emitter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "delivery-events");
        thread.setDaemon(true);
        return thread;
    });
    private final List<V1alpha1ReceivedEvent> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastEmitted;

    private CoreV1Api api;

    DeliveryEvents(BeanProvider<ApiClient> clients, ReceiverIdentity receiver,
                   @Value("${hookrelay.events.interval:1s}") Duration interval) {
        this.clients = clients;
        this.receiver = receiver;
        this.intervalNanos = interval.toNanos();
        this.lastEmitted = System.nanoTime() - intervalNanos;
    }

    synchronized void recorded(List<V1alpha1ReceivedEvent> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        pending.addAll(deliveries);
        if (!scheduled) {
            scheduled = true;
            long delay = Math.max(0, lastEmitted + intervalNanos - System.nanoTime());
            emitter.schedule(this::emit, delay, TimeUnit.NANOSECONDS);
        }
    }

    @PreDestroy
    void stop() {
        emitter.shutdownNow();
    }

    private void emit() {
        List<V1alpha1ReceivedEvent> batch;
        synchronized (this) {
            batch = List.copyOf(pending);
            pending.clear();
            scheduled = false;
            lastEmitted = System.nanoTime();
        }
        if (api == null) {
            api = new CoreV1Api(clients.get());
        }
        try {
            api.createNamespacedEvent(receiver.namespace(), event(batch)).execute();
        } catch (ApiException e) {
            LOG.debug("could not emit an Event: {}", e.getCode());
        }
    }

    private CoreV1Event event(List<V1alpha1ReceivedEvent> batch) {
        V1alpha1ReceivedEvent latest = batch.get(batch.size() - 1);
        String message = batch.size() == 1
                ? "Recorded " + describe(latest)
                : "Recorded " + batch.size() + " deliveries; the latest: " + describe(latest);
        OffsetDateTime now = OffsetDateTime.now();
        return new CoreV1Event()
                .metadata(new V1ObjectMeta().generateName(receiver.name() + ".").namespace(receiver.namespace()))
                .involvedObject(new V1ObjectReference().apiVersion(HookrelayApi.API_VERSION)
                        .kind(V1alpha1Receiver.KIND).name(receiver.name()).namespace(receiver.namespace()))
                .type("Normal").reason("DeliveryRecorded").message(message)
                .source(new V1EventSource().component("hookrelay-receiver-fn"))
                .firstTimestamp(now).lastTimestamp(now).count(batch.size());
    }

    private static String describe(V1alpha1ReceivedEvent event) {
        String what = String.join(" ", Stream.of(event.getRepository(), event.getRef(), event.getImage(),
                event.getTag()).filter(Objects::nonNull).toList());
        return event.getProvider() + " " + event.getType() + " " + event.getId() + (what.isEmpty() ? "" : " (" + what + ")");
    }
}
