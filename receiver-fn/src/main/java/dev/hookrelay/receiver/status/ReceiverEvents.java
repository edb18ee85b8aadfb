package dev.hookrelay.receiver.status;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
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
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events on the Receiver, emitted after the status write that recorded what they
 * tell: a Normal DeliveryRecorded per recorded delivery (under a burst, one per interval
 * summarising the rest) and a Warning DeliveriesRejected aggregating rejections over a longer
 * interval. Each names the Receiver with its uid, so {@code kubectl describe receiver} lists
 * it. Never on the request path: a failure to emit an Event loses nothing that matters.
 */
@Singleton
class ReceiverEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverEvents.class);

    private final BeanProvider<ApiClient> clients;
    private final ScheduledExecutorService emitter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "receiver-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Throttle<Recorded> recorded;
    private final Throttle<Rejected> rejected;
    private final String rejectionInterval;
    private volatile V1ObjectReference receiver;
    private CoreV1Api api;

    ReceiverEvents(BeanProvider<ApiClient> clients,
                   @Value("${hookrelay.events.interval:1s}") Duration interval,
                   @Value("${hookrelay.events.rejection-interval:1m}") Duration rejectionInterval) {
        this.clients = clients;
        this.recorded = new Throttle<>(emitter, interval, Recorded::new, this::emitRecorded);
        this.rejected = new Throttle<>(emitter, rejectionInterval, Rejected::new, this::emitRejected);
        this.rejectionInterval = Throttle.describe(rejectionInterval);
    }

    /** After a write: the Receiver as written, the deliveries it counted, the rejections it carried. */
    void written(V1alpha1Receiver written, StatusMerge merge) {
        receiver = new V1ObjectReference().apiVersion(HookrelayApi.API_VERSION).kind(V1alpha1Receiver.KIND)
                .name(written.getMetadata().getName()).namespace(written.getMetadata().getNamespace())
                .uid(written.getMetadata().getUid());
        if (merge.writesEvents()) {
            recorded.add(summary -> summary.add(merge.fresh()));
        }
        if (merge.writesRejections()) {
            rejected.add(summary -> summary.reasons.addAll(merge.rejections().reasons()));
        }
    }

    @PreDestroy
    void stop() {
        emitter.shutdownNow();
    }

    private void emitRecorded(Recorded summary) {
        String message = summary.count == 1
                ? "Recorded " + describe(summary.latest)
                : "Recorded " + summary.count + " deliveries; the latest: " + describe(summary.latest);
        emit("Normal", "DeliveryRecorded", message, summary.count);
    }

    private void emitRejected(Rejected summary) {
        long count = summary.reasons.total();
        emit("Warning", "DeliveriesRejected", "Rejected " + count + (count == 1 ? " delivery" : " deliveries")
                + " in the last " + rejectionInterval + ": " + summary.reasons.describe(), count);
    }

    private void emit(String type, String reason, String message, long count) {
        V1ObjectReference involved = receiver;
        OffsetDateTime now = OffsetDateTime.now();
        CoreV1Event event = new CoreV1Event()
                .metadata(new V1ObjectMeta().generateName(involved.getName() + ".").namespace(involved.getNamespace()))
                .involvedObject(involved).type(type).reason(reason)
                .message(DeliveryFields.text(message, 1024))
                .source(new V1EventSource().component("hookrelay-receiver-fn"))
                .firstTimestamp(now).lastTimestamp(now).count((int) Math.min(Integer.MAX_VALUE, count));
        try {
            if (api == null) {
                api = new CoreV1Api(clients.get());
            }
            api.createNamespacedEvent(involved.getNamespace(), event).execute();
        } catch (ApiException e) {
            LOG.debug("could not emit an Event: {}", e.getCode());
        } catch (RuntimeException e) {
            LOG.debug("could not emit an Event: {}", e.getClass().getSimpleName());
        }
    }

    private static String describe(V1alpha1ReceivedEvent event) {
        String what = String.join(" ", Stream.of(event.getRepository(), event.getRef(), event.getImage(),
                event.getTag()).filter(Objects::nonNull).toList());
        return event.getProvider() + " " + event.getType() + " " + event.getId() + (what.isEmpty() ? "" : " (" + what + ")");
    }

    private static final class Recorded {
        private long count;
        private V1alpha1ReceivedEvent latest;

        void add(java.util.List<V1alpha1ReceivedEvent> newestFirst) {
            count += newestFirst.size();
            latest = newestFirst.get(0);
        }
    }

    private static final class Rejected {
        private final ReasonCounts reasons = new ReasonCounts();
    }
}
