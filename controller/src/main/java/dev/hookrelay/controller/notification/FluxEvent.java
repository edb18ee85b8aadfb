package dev.hookrelay.controller.notification;

import dev.hookrelay.api.Sha256;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event in the shape Flux's controllers POST to their --events-addr
 * (fluxcd/pkg/apis/event v1beta1): Hookrelay's own events take the same shape, so every
 * Provider formats one kind of event.
 */
public record FluxEvent(InvolvedObject involvedObject, String severity, OffsetDateTime timestamp, String message,
                        String reason, Map<String, String> metadata, String reportingController,
                        String reportingInstance) {
    public static final String INFO = "info";
    public static final String ERROR = "error";

    public FluxEvent {
        metadata = Map.copyOf(metadata);
    }

    /** The event as CEL sees it in a commit status expression: Flux's JSON field names, every value present. */
    public Map<String, Object> asCelValue() {
        return Map.of(
                "involvedObject", Map.of("apiVersion", orEmpty(involvedObject.apiVersion()), "kind", orEmpty(involvedObject.kind()),
                        "namespace", orEmpty(involvedObject.namespace()), "name", orEmpty(involvedObject.name()),
                        "uid", orEmpty(involvedObject.uid())),
                "severity", orEmpty(severity), "timestamp", timestamp == null ? "" : timestamp.toString(),
                "message", orEmpty(message), "reason", orEmpty(reason), "metadata", metadata,
                "reportingController", orEmpty(reportingController), "reportingInstance", orEmpty(reportingInstance));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    public boolean isError() {
        return ERROR.equals(severity);
    }

    /** The revision the event is about, as Flux's controllers put it in the metadata. */
    public String revision() {
        return metadata.get("revision");
    }

    /** This event with these metadata added; keys the event already has keep the event's value. */
    public FluxEvent withMetadata(Map<String, String> added) {
        if (added.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(added);
        merged.putAll(metadata);
        return new FluxEvent(involvedObject, severity, timestamp, message, reason, merged, reportingController,
                reportingInstance);
    }

    /** A stable id of this event (object, reason, message, time): the same event always gets the same id. */
    public String id() {
        // the first 16 bytes of the SHA-256
        return Sha256.hex(objectKey() + "/" + reason + "/" + message + "/" + timestamp).substring(0, 32);
    }

    /** kind/namespace/name, as events about one object are told apart. */
    public String objectKey() {
        return involvedObject.kind() + "/" + involvedObject.namespace() + "/" + involvedObject.name();
    }

    /** The object the event is about, as a corev1.ObjectReference carries it. */
    public record InvolvedObject(String apiVersion, String kind, String namespace, String name, String uid) {
        /** The API group, empty for the core group. */
        public String group() {
            if (apiVersion == null) {
                return "";
            }
            int slash = apiVersion.indexOf('/');
            return slash < 0 ? "" : apiVersion.substring(0, slash);
        }
    }
}
