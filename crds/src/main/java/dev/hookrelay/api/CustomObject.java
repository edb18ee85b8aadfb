package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/** The envelope every hookrelay.dev object shares: type meta, object meta, spec and status. */
public abstract class CustomObject<S, T, O extends CustomObject<S, T, O>> implements KubernetesObject {
    @SerializedName("apiVersion")
    private String apiVersion = HookrelayApi.API_VERSION;
    @SerializedName("kind")
    private String kind;
    @SerializedName("metadata")
    private V1ObjectMeta metadata;
    @SerializedName("spec")
    private S spec;
    @SerializedName("status")
    private T status;

    protected CustomObject(String kind) {
        this.kind = kind;
    }

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

    public O metadata(V1ObjectMeta metadata) {
        this.metadata = metadata;
        return self();
    }

    public S getSpec() {
        return spec;
    }

    public O spec(S spec) {
        this.spec = spec;
        return self();
    }

    public T getStatus() {
        return status;
    }

    public O status(T status) {
        this.status = status;
        return self();
    }

    @SuppressWarnings("unchecked")
    private O self() {
        return (O) this;
    }
}
