package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.Map;

/** An object to poke when an event is accepted: by name, or name '*' with matchLabels. */
public class V1alpha1TargetRef {
    public static final String ANY_NAME = "*";

    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("name")
    private String name;
    @SerializedName("namespace")
    private String namespace;
    @SerializedName("filter")
    private String filter;
    @SerializedName("matchLabels")
    private Map<String, String> matchLabels;

    public String getApiVersion() {
        return apiVersion;
    }

    public V1alpha1TargetRef apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    public String getKind() {
        return kind;
    }

    public V1alpha1TargetRef kind(String kind) {
        this.kind = kind;
        return this;
    }

    public String getName() {
        return name;
    }

    public V1alpha1TargetRef name(String name) {
        this.name = name;
        return this;
    }

    public String getNamespace() {
        return namespace;
    }

    public V1alpha1TargetRef namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public Map<String, String> getMatchLabels() {
        return matchLabels == null ? Map.of() : matchLabels;
    }

    public V1alpha1TargetRef matchLabels(Map<String, String> matchLabels) {
        this.matchLabels = matchLabels;
        return this;
    }

    /** A CEL expression over a new event and the candidate target; null pokes every target. */
    public String getFilter() {
        return filter;
    }

    public V1alpha1TargetRef filter(String filter) {
        this.filter = filter;
        return this;
    }
}
