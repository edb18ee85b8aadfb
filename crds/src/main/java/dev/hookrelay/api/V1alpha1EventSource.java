package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/**
 * An object an Alert takes events of (Flux's CrossNamespaceObjectReference): by kind and name,
 * or name '*' with matchLabels; the namespace defaults to the Alert's.
 */
public class V1alpha1EventSource {
    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("name")
    private String name;
    @SerializedName("namespace")
    private String namespace;
    @SerializedName("matchLabels")
    private Map<String, String> matchLabels;

    public String getApiVersion() {
        return apiVersion;
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getNamespace() {
        return namespace;
    }

    public Map<String, String> getMatchLabels() {
        return matchLabels == null ? Map.of() : matchLabels;
    }
}
