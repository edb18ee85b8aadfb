package dev.hookrelay.receiver.status;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.receiver.kubernetes.ApiCallException;
import dev.hookrelay.receiver.kubernetes.ApiServer;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
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
class KubeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(KubeEvents.class);

    private final BeanProvider<ApiServer> apiServer;
    private final ScheduledExecutorService emitter = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kube-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Throttle<Recorded> recorded;
    private final Throttle<Rejected> rejected;
    private final String rejectionInterval;
    private volatile ReceiverState.Identity receiver;

    KubeEvents(BeanProvider<ApiServer> apiServer,
                   @Value("${hookrelay.events.interval:1s}") Duration interval,
                   @Value("${hookrelay.events.rejection-interval:1m}") Duration rejectionInterval) {
        this.apiServer = apiServer;
        this.recorded = new Throttle<>(emitter, interval, Recorded::new, this::emitRecorded);
        this.rejected = new Throttle<>(emitter, rejectionInterval, Rejected::new, this::emitRejected);
        this.rejectionInterval = Throttle.describe(rejectionInterval);
    }

    /** After a write: the Receiver as written, the deliveries it counted, the rejections it carried. */
    void written(ReceiverState.Identity written, StatusMerge merge) {
        receiver = written;
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
        ReceiverState.Identity involved = receiver;
        try {
            apiServer.get().post("/api/v1/namespaces/" + involved.namespace() + "/events",
                    event(involved, type, reason, DeliveryFields.text(message, 1024), count));
        } catch (ApiCallException e) {
            LOG.debug("could not emit an Event: {}", e.code());
        } catch (RuntimeException e) {
            LOG.debug("could not emit an Event: {}", e.getClass().getSimpleName());
        }
    }

    /** A core/v1 Event about the Receiver, as {@code kubectl describe} lists it. */
    private static byte[] event(ReceiverState.Identity involved, String type, String reason, String message, long count) {
        String now = ReceiverJson.time(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (JsonGenerator json = ReceiverJson.JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("apiVersion", "v1");
            json.writeStringField("kind", "Event");
            json.writeObjectFieldStart("metadata");
            json.writeStringField("generateName", involved.name() + ".");
            json.writeStringField("namespace", involved.namespace());
            json.writeEndObject();
            json.writeObjectFieldStart("involvedObject");
            json.writeStringField("apiVersion", HookrelayApi.API_VERSION);
            json.writeStringField("kind", V1alpha1Receiver.KIND);
            json.writeStringField("name", involved.name());
            json.writeStringField("namespace", involved.namespace());
            json.writeStringField("uid", involved.uid());
            json.writeEndObject();
            json.writeStringField("type", type);
            json.writeStringField("reason", reason);
            json.writeStringField("message", message);
            json.writeObjectFieldStart("source");
            json.writeStringField("component", "hookrelay-receiver-fn");
            json.writeEndObject();
            json.writeStringField("firstTimestamp", now);
            json.writeStringField("lastTimestamp", now);
            json.writeNumberField("count", (int) Math.min(Integer.MAX_VALUE, count));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
