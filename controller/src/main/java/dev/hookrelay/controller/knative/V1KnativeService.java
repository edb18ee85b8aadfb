package dev.hookrelay.controller.knative;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.CustomObject;
import java.util.Optional;

/**
 * A Knative Service ({@value #API_VERSION}), kept untyped below spec and status: Hookrelay
 * writes a few fields of the spec and reads only the URL and the Ready condition. The class
 * name follows client-java's convention, from which micronaut-kubernetes derives the version.
 */
public class V1KnativeService extends CustomObject<JsonObject, JsonObject, V1KnativeService> {
    public static final String GROUP = "serving.knative.dev";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "Service";
    public static final String PLURAL = "services";

    public V1KnativeService() {
        super(API_VERSION, KIND);
    }

    /**
     * Knative's own URL of the service once it is Ready for the current spec; empty while a
     * new revision is still rolling out or failing.
     */
    public Optional<String> readyUrl() {
        if (getStatus() == null || getMetadata() == null || getMetadata().getGeneration() == null) {
            return Optional.empty();
        }
        JsonObject status = getStatus();
        JsonElement observed = status.get("observedGeneration");
        boolean current = observed != null && observed.isJsonPrimitive()
                && observed.getAsLong() == getMetadata().getGeneration();
        if (!current || !readyCondition() || !status.has("url") || !status.get("url").isJsonPrimitive()) {
            return Optional.empty();
        }
        return Optional.of(status.get("url").getAsString());
    }

    private boolean readyCondition() {
        JsonObject status = getStatus();
        if (!status.has("conditions") || !status.get("conditions").isJsonArray()) {
            return false;
        }
        for (JsonElement condition : status.getAsJsonArray("conditions")) {
            JsonObject c = condition.getAsJsonObject();
            if (c.has("type") && "Ready".equals(c.get("type").getAsString())) {
                return c.has("status") && "True".equals(c.get("status").getAsString());
            }
        }
        return false;
    }
}
