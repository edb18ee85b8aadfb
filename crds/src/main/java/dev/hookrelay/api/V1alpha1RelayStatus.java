package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.ArrayList;
import java.util.List;

public class V1alpha1RelayStatus {
    @SerializedName("observedGeneration")
    private Long observedGeneration;
    @SerializedName("conditions")
    private List<V1Condition> conditions;
    @SerializedName("hubEventCount")
    private Long hubEventCount;
    @SerializedName("handledEventCount")
    private Long handledEventCount;
    @SerializedName("pendingTargets")
    private V1alpha1PendingTargets pendingTargets;
    @SerializedName("lastEvent")
    private V1alpha1ReceivedEvent lastEvent;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public V1alpha1RelayStatus observedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
        return this;
    }

    public List<V1Condition> getConditions() {
        return conditions == null ? List.of() : conditions;
    }

    public V1alpha1RelayStatus conditions(List<V1Condition> conditions) {
        this.conditions = conditions == null ? null : new ArrayList<>(conditions);
        return this;
    }

    public long getHubEventCount() {
        return hubEventCount == null ? 0 : hubEventCount;
    }

    public V1alpha1RelayStatus hubEventCount(long hubEventCount) {
        this.hubEventCount = hubEventCount;
        return this;
    }

    public long getHandledEventCount() {
        return handledEventCount == null ? 0 : handledEventCount;
    }

    public V1alpha1RelayStatus handledEventCount(long handledEventCount) {
        this.handledEventCount = handledEventCount;
        return this;
    }

    public V1alpha1ReceivedEvent getLastEvent() {
        return lastEvent;
    }

    public V1alpha1RelayStatus lastEvent(V1alpha1ReceivedEvent lastEvent) {
        this.lastEvent = lastEvent;
        return this;
    }

    /** Targets still to poke after a fan-out that failed for some; null when every target was poked. */
    public V1alpha1PendingTargets getPendingTargets() {
        return pendingTargets;
    }

    public V1alpha1RelayStatus pendingTargets(V1alpha1PendingTargets pendingTargets) {
        this.pendingTargets = pendingTargets;
        return this;
    }
}
