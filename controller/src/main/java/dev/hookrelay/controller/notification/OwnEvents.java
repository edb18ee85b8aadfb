package dev.hookrelay.controller.notification;

import dev.hookrelay.controller.kube.ControllerName;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.ControllerRuntime;
import io.kubernetes.client.common.KubernetesObject;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hookrelay's own events, in Flux's event shape, into the dispatcher: sent by the leading
 * replica only (every replica sees the same changes), about a Receiver or Relay.
 */
@Singleton
class OwnEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OwnEvents.class);

    private final Dispatcher dispatcher;
    private final ControllerRuntime runtime;

    OwnEvents(Dispatcher dispatcher, ControllerRuntime runtime) {
        this.dispatcher = dispatcher;
        this.runtime = runtime;
    }

    boolean leading() {
        return runtime.isReconciling();
    }

    void send(KubernetesObject object, String severity, String reason, String message, Map<String, String> metadata) {
        FluxEvent event = new FluxEvent(new FluxEvent.InvolvedObject(HookrelayApi.API_VERSION, object.getKind(),
                object.getMetadata().getNamespace(), object.getMetadata().getName(), object.getMetadata().getUid()),
                severity, OffsetDateTime.now(ZoneOffset.UTC), message, reason, metadata, ControllerName.VALUE, null);
        if (!dispatcher.submit(event)) {
            LOG.warn("{} {}/{}: event {} not sent, the event queue is full", object.getKind(),
                    object.getMetadata().getNamespace(), object.getMetadata().getName(), reason);
        }
    }

    /** A delivery's summary as event metadata (revision is the key commit status Providers read). */
    static Map<String, String> metadata(V1alpha1ReceivedEvent delivery) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (delivery == null) {
            return metadata;
        }
        put(metadata, HookrelayEventMetadata.DELIVERY_ID, delivery.getId());
        put(metadata, HookrelayEventMetadata.PROVIDER, delivery.getProvider());
        put(metadata, HookrelayEventMetadata.EVENT_TYPE, delivery.getType());
        put(metadata, HookrelayEventMetadata.RECEIVED_AT, delivery.getReceivedAt() == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(delivery.getReceivedAt()));
        put(metadata, HookrelayEventMetadata.REPOSITORY, delivery.getRepository());
        put(metadata, "ref", delivery.getRef());
        put(metadata, "revision", delivery.getRevision());
        put(metadata, HookrelayEventMetadata.IMAGE, delivery.getImage());
        put(metadata, "tag", delivery.getTag());
        put(metadata, "sender", delivery.getSender());
        put(metadata, "action", delivery.getAction());
        return metadata;
    }

    /** "push to acme/podinfo refs/heads/main at 6b1c3a1 by alice", from what the delivery says. */
    static String describe(V1alpha1ReceivedEvent delivery) {
        StringBuilder text = new StringBuilder(delivery.getProvider()).append(' ').append(delivery.getType());
        if (delivery.getRepository() != null) {
            text.append(" to ").append(delivery.getRepository());
        }
        if (delivery.getImage() != null) {
            text.append(" of ").append(delivery.getImage()).append(delivery.getTag() == null ? "" : ":" + delivery.getTag());
        }
        if (delivery.getRef() != null) {
            text.append(' ').append(delivery.getRef());
        }
        if (delivery.getRevision() != null) {
            text.append(" at ").append(delivery.getRevision());
        }
        if (delivery.getSender() != null) {
            text.append(" by ").append(delivery.getSender());
        }
        return text.toString();
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }
}
