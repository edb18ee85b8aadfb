package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Written by the controller (provisioning, conditions) and by receiver-fn (events, rejections). */
public class V1alpha1ReceiverStatus {
    @SerializedName("observedGeneration")
    private Long observedGeneration;
    @SerializedName("conditions")
    private List<V1Condition> conditions;
    @SerializedName("webhookPath")
    private String webhookPath;
    @SerializedName("url")
    private String url;
    @SerializedName("secretName")
    private String secretName;
    @SerializedName("tokenRotatedAt")
    private OffsetDateTime tokenRotatedAt;
    @SerializedName("eventCount")
    private Long eventCount;
    @SerializedName("lastEvent")
    private V1alpha1ReceivedEvent lastEvent;
    @SerializedName("recentEvents")
    private List<V1alpha1ReceivedEvent> recentEvents;
    @SerializedName("rejectedCount")
    private Long rejectedCount;
    @SerializedName("lastRejection")
    private V1alpha1Rejection lastRejection;
    @SerializedName("handledEventCount")
    private Long handledEventCount;
    @SerializedName("pendingTargets")
    private V1alpha1PendingTargets pendingTargets;
    @SerializedName("registration")
    private V1alpha1RegistrationStatus registration;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public V1alpha1ReceiverStatus observedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
        return this;
    }

    public List<V1Condition> getConditions() {
        return conditions == null ? List.of() : conditions;
    }

    public V1alpha1ReceiverStatus conditions(List<V1Condition> conditions) {
        this.conditions = conditions == null ? null : new ArrayList<>(conditions);
        return this;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public V1alpha1ReceiverStatus webhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
        return this;
    }

    public String getUrl() {
        return url;
    }

    public V1alpha1ReceiverStatus url(String url) {
        this.url = url;
        return this;
    }

    public String getSecretName() {
        return secretName;
    }

    public V1alpha1ReceiverStatus secretName(String secretName) {
        this.secretName = secretName;
        return this;
    }

    public long getEventCount() {
        return eventCount == null ? 0 : eventCount;
    }

    public V1alpha1ReceiverStatus eventCount(long eventCount) {
        this.eventCount = eventCount;
        return this;
    }

    public V1alpha1ReceivedEvent getLastEvent() {
        return lastEvent;
    }

    public V1alpha1ReceiverStatus lastEvent(V1alpha1ReceivedEvent lastEvent) {
        this.lastEvent = lastEvent;
        return this;
    }

    /** Newest first. */
    public List<V1alpha1ReceivedEvent> getRecentEvents() {
        return recentEvents == null ? List.of() : recentEvents;
    }

    public V1alpha1ReceiverStatus recentEvents(List<V1alpha1ReceivedEvent> recentEvents) {
        this.recentEvents = recentEvents == null ? null : new ArrayList<>(recentEvents);
        return this;
    }

    public long getRejectedCount() {
        return rejectedCount == null ? 0 : rejectedCount;
    }

    public V1alpha1ReceiverStatus rejectedCount(long rejectedCount) {
        this.rejectedCount = rejectedCount;
        return this;
    }

    public V1alpha1Rejection getLastRejection() {
        return lastRejection;
    }

    public V1alpha1ReceiverStatus lastRejection(V1alpha1Rejection lastRejection) {
        this.lastRejection = lastRejection;
        return this;
    }

    public long getHandledEventCount() {
        return handledEventCount == null ? 0 : handledEventCount;
    }

    public V1alpha1ReceiverStatus handledEventCount(long handledEventCount) {
        this.handledEventCount = handledEventCount;
        return this;
    }

    /** Targets still to poke after a fan-out that failed for some; null when every target was poked. */
    public V1alpha1PendingTargets getPendingTargets() {
        return pendingTargets;
    }

    public V1alpha1ReceiverStatus pendingTargets(V1alpha1PendingTargets pendingTargets) {
        this.pendingTargets = pendingTargets;
        return this;
    }

    /** The webhook registered at the provider (spec.registration); null while there is none. */
    public V1alpha1RegistrationStatus getRegistration() {
        return registration;
    }

    public V1alpha1ReceiverStatus registration(V1alpha1RegistrationStatus registration) {
        this.registration = registration;
        return this;
    }

    /** When the controller last saw the token change. */
    public OffsetDateTime getTokenRotatedAt() {
        return tokenRotatedAt;
    }

    public V1alpha1ReceiverStatus tokenRotatedAt(OffsetDateTime tokenRotatedAt) {
        this.tokenRotatedAt = tokenRotatedAt;
        return this;
    }
}
