package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.ArrayList;
import java.util.List;

/** The status of a kind whose whole state is one Ready condition: Provider, Alert. */
public class V1alpha1ReadyStatus {
    @SerializedName("observedGeneration")
    private Long observedGeneration;
    @SerializedName("conditions")
    private List<V1Condition> conditions;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public V1alpha1ReadyStatus observedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
        return this;
    }

    public List<V1Condition> getConditions() {
        return conditions == null ? List.of() : conditions;
    }

    public V1alpha1ReadyStatus conditions(List<V1Condition> conditions) {
        this.conditions = conditions == null ? null : new ArrayList<>(conditions);
        return this;
    }
}
