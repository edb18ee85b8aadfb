package dev.hookrelay.receiver.status;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Patch that writes a merge into the status it was computed from. Its concurrency is
 * scoped to the function's own fields: it first tests the counters it moves (eventCount,
 * rejectedCount), which only function instances write, so the controller writing conditions or
 * handledEventCount never makes it fail, while two function instances never both count from the
 * same value. Only while a counter is still absent does it test the object's resourceVersion.
 * recentEvents is not rewritten: new entries are added at the front and the oldest removed.
 */
final class StatusPatch {
    static final String CONTENT_TYPE = "application/json-patch+json";

    private final int recentLimit;

    StatusPatch(int recentLimit) {
        this.recentLimit = recentLimit;
    }

    byte[] of(ReceiverState current, StatusMerge merge) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator ops = ReceiverJson.JSON.createGenerator(bytes)) {
            ops.writeStartArray();
            boolean countersPresent = current.hasStatus()
                    && (!merge.writesEvents() || current.eventCount() > 0)
                    && (!merge.writesRejections() || current.rejectedCount() > 0);
            if (!countersPresent) {
                start(ops, "test", "/metadata/resourceVersion").writeStringField("value", current.identity().resourceVersion());
                ops.writeEndObject();
            } else {
                if (merge.writesEvents()) {
                    number(ops, "test", "/status/eventCount", current.eventCount());
                }
                if (merge.writesRejections()) {
                    number(ops, "test", "/status/rejectedCount", current.rejectedCount());
                }
            }
            if (!current.hasStatus()) {
                start(ops, "add", "/status").writeFieldName("value");
                ops.writeStartObject();
                ops.writeEndObject();
                ops.writeEndObject();
            }
            if (merge.writesEvents()) {
                number(ops, "add", "/status/eventCount", merge.eventCount());
                event(ops, "/status/lastEvent", merge.fresh().get(0));
                addRecentEvents(ops, current.recentEvents(), merge.fresh());
            }
            if (merge.writesRejections()) {
                number(ops, "add", "/status/rejectedCount", merge.rejectedCount());
                start(ops, "add", "/status/lastRejection").writeFieldName("value");
                ReceiverJson.write(ops, merge.rejections().last());
                ops.writeEndObject();
            }
            ops.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void addRecentEvents(JsonGenerator ops, List<V1alpha1ReceivedEvent> recent, List<V1alpha1ReceivedEvent> fresh)
            throws IOException {
        if (recent.isEmpty() || fresh.size() >= recentLimit) {
            List<V1alpha1ReceivedEvent> all = new ArrayList<>(fresh);
            all.addAll(recent);
            start(ops, "add", "/status/recentEvents").writeArrayFieldStart("value");
            for (V1alpha1ReceivedEvent event : all.subList(0, Math.min(recentLimit, all.size()))) {
                ReceiverJson.write(ops, event);
            }
            ops.writeEndArray();
            ops.writeEndObject();
            return;
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            event(ops, "/status/recentEvents/0", fresh.get(i));
        }
        for (int size = recent.size() + fresh.size(); size > recentLimit; size--) {
            start(ops, "remove", "/status/recentEvents/" + recentLimit);
            ops.writeEndObject();
        }
    }

    private static void event(JsonGenerator ops, String path, V1alpha1ReceivedEvent event) throws IOException {
        start(ops, "add", path).writeFieldName("value");
        ReceiverJson.write(ops, event);
        ops.writeEndObject();
    }

    private static void number(JsonGenerator ops, String op, String path, long value) throws IOException {
        start(ops, op, path).writeNumberField("value", value);
        ops.writeEndObject();
    }

    private static JsonGenerator start(JsonGenerator ops, String op, String path) throws IOException {
        ops.writeStartObject();
        ops.writeStringField("op", op);
        ops.writeStringField("path", path);
        return ops;
    }
}
