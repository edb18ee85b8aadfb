package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A fan-out that did not reach every target: what is left to poke, for which events and which spec. */
public class V1alpha1PendingTargets {
    @SerializedName("eventCount")
    private Long eventCount;
    @SerializedName("observedGeneration")
    private Long observedGeneration;
    @SerializedName("targets")
    private List<V1alpha1PendingTarget> targets;

    public long getEventCount() {
        return eventCount == null ? 0 : eventCount;
    }

    public V1alpha1PendingTargets eventCount(long eventCount) {
        this.eventCount = eventCount;
        return this;
    }

    public long getObservedGeneration() {
        return observedGeneration == null ? 0 : observedGeneration;
    }

    public V1alpha1PendingTargets observedGeneration(long observedGeneration) {
        this.observedGeneration = observedGeneration;
        return this;
    }

    public List<V1alpha1PendingTarget> getTargets() {
        return targets == null ? List.of() : targets;
    }

    public V1alpha1PendingTargets targets(List<V1alpha1PendingTarget> targets) {
        this.targets = targets == null ? null : new ArrayList<>(targets);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof V1alpha1PendingTargets other && getEventCount() == other.getEventCount()
                && getObservedGeneration() == other.getObservedGeneration() && getTargets().equals(other.getTargets());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getEventCount(), getObservedGeneration(), getTargets());
    }
}
