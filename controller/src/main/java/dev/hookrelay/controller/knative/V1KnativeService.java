package dev.hookrelay.controller.knative;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Optional;

/**
 * A Knative Service ({@value #API_VERSION}), kept untyped below spec and status: Hookrelay
 * writes a few fields of the spec and reads only the URL and the Ready condition. The class
 * name follows client-java's convention, from which micronaut-kubernetes derives the version.
 */
public class V1KnativeService implements KubernetesObject {
    public static final String GROUP = "serving.knative.dev";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String KIND = "Service";
    public static final String PLURAL = "services";

    @SerializedName("apiVersion")
    private String apiVersion = API_VERSION;
    @SerializedName("kind")
    private String kind = KIND;
    @SerializedName("metadata")
    private V1ObjectMeta metadata;
    @SerializedName("spec")
    private JsonObject spec;
    @SerializedName("status")
    private JsonObject status;

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ObjectMeta getMetadata() {
        return metadata;
    }

    public V1KnativeService metadata(V1ObjectMeta metadata) {
        this.metadata = metadata;
        return this;
    }

    public JsonObject getSpec() {
        return spec;
    }

    public V1KnativeService spec(JsonObject spec) {
        this.spec = spec;
        return this;
    }

    public JsonObject getStatus() {
        return status;
    }

    /**
     * Knative's own URL of the service once it is Ready for the current spec; empty while a
     * new revision is still rolling out or failing.
     */
    public Optional<String> readyUrl() {
        if (status == null || metadata == null || metadata.getGeneration() == null) {
            return Optional.empty();
        }
        JsonElement observed = status.get("observedGeneration");
        boolean current = observed != null && observed.isJsonPrimitive()
                && observed.getAsLong() == metadata.getGeneration();
        if (!current || !readyCondition() || !status.has("url") || !status.get("url").isJsonPrimitive()) {
            return Optional.empty();
        }
        return Optional.of(status.get("url").getAsString());
    }

    private boolean readyCondition() {
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
