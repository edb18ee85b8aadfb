package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** A Knative Addressable: any object whose status.address.url says where to send CloudEvents. */
public class V1alpha1SinkRef {
    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("name")
    private String name;
    @SerializedName("namespace")
    private String namespace;

    public String getApiVersion() {
        return apiVersion;
    }

    public V1alpha1SinkRef apiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
        return this;
    }

    public String getKind() {
        return kind;
    }

    public V1alpha1SinkRef kind(String kind) {
        this.kind = kind;
        return this;
    }

    public String getName() {
        return name;
    }

    public V1alpha1SinkRef name(String name) {
        this.name = name;
        return this;
    }

    public String getNamespace() {
        return namespace;
    }

    public V1alpha1SinkRef namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }
}
