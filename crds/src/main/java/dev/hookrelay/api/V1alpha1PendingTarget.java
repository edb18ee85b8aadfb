package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.Objects;

/** One target still to poke: an object, or with name '*' the spec.resources entries of that kind. */
public class V1alpha1PendingTarget {
    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("namespace")
    private String namespace;
    @SerializedName("name")
    private String name;

    public String getApiVersion() {
        return apiVersion;
    }

    public V1alpha1PendingTarget apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    public String getKind() {
        return kind;
    }

    public V1alpha1PendingTarget kind(String kind) {
        this.kind = kind;
        return this;
    }

    public String getNamespace() {
        return namespace;
    }

    public V1alpha1PendingTarget namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public String getName() {
        return name;
    }

    public V1alpha1PendingTarget name(String name) {
        this.name = name;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof V1alpha1PendingTarget other && Objects.equals(apiVersion, other.apiVersion)
                && Objects.equals(kind, other.kind) && Objects.equals(namespace, other.namespace)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(apiVersion, kind, namespace, name);
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name;
    }
}
