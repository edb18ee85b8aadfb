package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;

public class V1alpha1RelaySpec {
    @SerializedName("hub")
    private V1alpha1HubRef hub;
    @SerializedName("resources")
    private List<V1alpha1TargetRef> resources;
    @SerializedName("suspend")
    private Boolean suspend;

    public V1alpha1HubRef getHub() {
        return hub;
    }

    public V1alpha1RelaySpec hub(V1alpha1HubRef hub) {
        this.hub = hub;
        return this;
    }

    public List<V1alpha1TargetRef> getResources() {
        return resources == null ? List.of() : resources;
    }

    public V1alpha1RelaySpec resources(List<V1alpha1TargetRef> resources) {
        this.resources = resources == null ? null : new ArrayList<>(resources);
        return this;
    }

    public boolean isSuspend() {
        return Boolean.TRUE.equals(suspend);
    }

    public V1alpha1RelaySpec suspend(boolean suspend) {
        this.suspend = suspend;
        return this;
    }
}
