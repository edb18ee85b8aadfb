package dev.hookrelay.receiver.status;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
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
    private final Gson gson;
    private final int recentLimit;

    StatusPatch(Gson gson, int recentLimit) {
        this.gson = gson;
        this.recentLimit = recentLimit;
    }

    JsonArray of(V1alpha1Receiver current, StatusMerge merge) {
        V1alpha1ReceiverStatus status = current.getStatus();
        JsonArray ops = new JsonArray();
        boolean countersPresent = status != null
                && (!merge.writesEvents() || status.getEventCount() > 0)
                && (!merge.writesRejections() || status.getRejectedCount() > 0);
        if (!countersPresent) {
            ops.add(op("test", "/metadata/resourceVersion", new JsonPrimitive(current.getMetadata().getResourceVersion())));
        } else {
            if (merge.writesEvents()) {
                ops.add(op("test", "/status/eventCount", new JsonPrimitive(status.getEventCount())));
            }
            if (merge.writesRejections()) {
                ops.add(op("test", "/status/rejectedCount", new JsonPrimitive(status.getRejectedCount())));
            }
        }
        if (status == null) {
            ops.add(op("add", "/status", new JsonObject()));
        }
        if (merge.writesEvents()) {
            ops.add(op("add", "/status/eventCount", new JsonPrimitive(merge.eventCount())));
            ops.add(op("add", "/status/lastEvent", gson.toJsonTree(merge.fresh().get(0))));
            addRecentEvents(ops, status == null ? List.of() : status.getRecentEvents(), merge.fresh());
        }
        if (merge.writesRejections()) {
            ops.add(op("add", "/status/rejectedCount", new JsonPrimitive(merge.rejectedCount())));
            ops.add(op("add", "/status/lastRejection", gson.toJsonTree(merge.rejections().last())));
        }
        return ops;
    }

    private void addRecentEvents(JsonArray ops, List<V1alpha1ReceivedEvent> recent, List<V1alpha1ReceivedEvent> fresh) {
        if (recent.isEmpty() || fresh.size() >= recentLimit) {
            List<V1alpha1ReceivedEvent> all = new ArrayList<>(fresh);
            all.addAll(recent);
            ops.add(op("add", "/status/recentEvents", gson.toJsonTree(all.subList(0, Math.min(recentLimit, all.size())))));
            return;
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            ops.add(op("add", "/status/recentEvents/0", gson.toJsonTree(fresh.get(i))));
        }
        for (int size = recent.size() + fresh.size(); size > recentLimit; size--) {
            JsonObject remove = new JsonObject();
            remove.addProperty("op", "remove");
            remove.addProperty("path", "/status/recentEvents/" + recentLimit);
            ops.add(remove);
        }
    }

    private static JsonObject op(String op, String path, JsonElement value) {
        JsonObject operation = new JsonObject();
        operation.addProperty("op", op);
        operation.addProperty("path", path);
        operation.add("value", value);
        return operation;
    }
}
