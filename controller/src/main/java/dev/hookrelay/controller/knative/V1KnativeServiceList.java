package dev.hookrelay.controller.knative;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.ArrayList;
import java.util.List;

public class V1KnativeServiceList implements KubernetesListObject {
    @SerializedName("apiVersion")
    private String apiVersion = V1KnativeService.API_VERSION;
    @SerializedName("kind")
    private String kind = "ServiceList";
    @SerializedName("metadata")
    private V1ListMeta metadata;
    @SerializedName("items")
    private List<V1KnativeService> items = new ArrayList<>();

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
    public List<V1KnativeService> getItems() {
        return items;
    }
}
