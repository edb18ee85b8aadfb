package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.List;

public class V1alpha1ReceiverSpec {
    @SerializedName("type")
    private String type;
    @SerializedName("events")
    private List<String> events;
    @SerializedName("secretRef")
    private V1alpha1SecretRef secretRef;
    @SerializedName("resources")
    private List<V1alpha1TargetRef> resources;
    @SerializedName("filter")
    private String filter;
    @SerializedName("suspend")
    private Boolean suspend;
    @SerializedName("registration")
    private V1alpha1Registration registration;
    @SerializedName("rotation")
    private V1alpha1Rotation rotation;

    /** The provider, one of the CRD's enum values (github, gitlab, ...). */
    public String getType() {
        return type;
    }

    public V1alpha1ReceiverSpec type(String type) {
        this.type = type;
        return this;
    }

    /** Event types to record; empty means every event. */
    public List<String> getEvents() {
        return events == null ? List.of() : events;
    }

    public V1alpha1ReceiverSpec events(List<String> events) {
        this.events = events == null ? null : new ArrayList<>(events);
        return this;
    }

    public V1alpha1SecretRef getSecretRef() {
        return secretRef;
    }

    public V1alpha1ReceiverSpec secretRef(V1alpha1SecretRef secretRef) {
        this.secretRef = secretRef;
        return this;
    }

    public List<V1alpha1TargetRef> getResources() {
        return resources == null ? List.of() : resources;
    }

    public V1alpha1ReceiverSpec resources(List<V1alpha1TargetRef> resources) {
        this.resources = resources == null ? null : new ArrayList<>(resources);
        return this;
    }

    public boolean isSuspend() {
        return Boolean.TRUE.equals(suspend);
    }

    public V1alpha1ReceiverSpec suspend(boolean suspend) {
        this.suspend = suspend;
        return this;
    }

    /** Where Hookrelay keeps the webhook registered; null when it is registered by hand. */
    public V1alpha1Registration getRegistration() {
        return registration;
    }

    public V1alpha1ReceiverSpec registration(V1alpha1Registration registration) {
        this.registration = registration;
        return this;
    }

    /** A CEL expression over the delivery ({@code event}, {@code body}, {@code headers}); null records every delivery. */
    public String getFilter() {
        return filter;
    }

    public V1alpha1ReceiverSpec filter(String filter) {
        this.filter = filter;
        return this;
    }

    /** How a token rotation is served; null: the defaults. */
    public V1alpha1Rotation getRotation() {
        return rotation;
    }

    public V1alpha1ReceiverSpec rotation(V1alpha1Rotation rotation) {
        this.rotation = rotation;
        return this;
    }
}
