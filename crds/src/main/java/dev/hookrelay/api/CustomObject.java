package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;

/**
 * The envelope of a custom resource, typed by its spec and status: type meta, object meta,
 * spec and status. Hookrelay's own kinds and the few foreign ones it writes share it.
 */
public abstract class CustomObject<S, T, O extends CustomObject<S, T, O>> implements KubernetesObject {
    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("metadata")
    private V1ObjectMeta metadata;
    @SerializedName("spec")
    private S spec;
    @SerializedName("status")
    private T status;

    /** A kind of {@value HookrelayApi#API_VERSION}. */
    protected CustomObject(String kind) {
        this(HookrelayApi.API_VERSION, kind);
    }

    protected CustomObject(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
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
