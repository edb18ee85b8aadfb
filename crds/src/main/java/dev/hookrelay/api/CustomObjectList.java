package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.ArrayList;
import java.util.List;

/** A list of custom resources, as the API server returns it. */
public abstract class CustomObjectList<O extends CustomObject<?, ?, O>> implements KubernetesListObject {
    @SerializedName("apiVersion")
    private String apiVersion;
    @SerializedName("kind")
    private String kind;
    @SerializedName("metadata")
    private V1ListMeta metadata;
    @SerializedName("items")
    private List<O> items = new ArrayList<>();

    /** A list of a kind of {@value HookrelayApi#API_VERSION}. */
    protected CustomObjectList(String kind) {
        this(HookrelayApi.API_VERSION, kind);
    }

    protected CustomObjectList(String apiVersion, String kind) {
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
    public V1ListMeta getMetadata() {
        return metadata;
    }

    @Override
    public List<O> getItems() {
        return items;
    }
}
