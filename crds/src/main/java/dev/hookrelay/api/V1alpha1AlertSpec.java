package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which events go to which Provider: the fields of Flux's v1beta3 Alert. */
public class V1alpha1AlertSpec {
    @SerializedName("providerRef")
    private V1alpha1LocalObjectReference providerRef;
    @SerializedName("eventSeverity")
    private String eventSeverity;
    @SerializedName("eventSources")
    private List<V1alpha1EventSource> eventSources;
    @SerializedName("inclusionList")
    private List<String> inclusionList;
    @SerializedName("exclusionList")
    private List<String> exclusionList;
    @SerializedName("eventMetadata")
    private Map<String, String> eventMetadata;
    @SerializedName("summary")
    private String summary;
    @SerializedName("suspend")
    private Boolean suspend;

    public V1alpha1LocalObjectReference getProviderRef() {
        return providerRef;
    }

    public V1alpha1AlertSpec providerRef(V1alpha1LocalObjectReference providerRef) {
        this.providerRef = providerRef;
        return this;
    }

    public String getEventSeverity() {
        return eventSeverity;
    }

    public V1alpha1AlertSpec eventSeverity(String eventSeverity) {
        this.eventSeverity = eventSeverity;
        return this;
    }

    public List<V1alpha1EventSource> getEventSources() {
        return eventSources == null ? List.of() : eventSources;
    }

    public V1alpha1AlertSpec eventSources(List<V1alpha1EventSource> eventSources) {
        this.eventSources = eventSources == null ? null : new ArrayList<>(eventSources);
        return this;
    }

    public List<String> getInclusionList() {
        return inclusionList == null ? List.of() : inclusionList;
    }

    public V1alpha1AlertSpec inclusionList(List<String> inclusionList) {
        this.inclusionList = inclusionList == null ? null : new ArrayList<>(inclusionList);
        return this;
    }

    public List<String> getExclusionList() {
        return exclusionList == null ? List.of() : exclusionList;
    }

    public V1alpha1AlertSpec exclusionList(List<String> exclusionList) {
        this.exclusionList = exclusionList == null ? null : new ArrayList<>(exclusionList);
        return this;
    }

    public Map<String, String> getEventMetadata() {
        return eventMetadata == null ? Map.of() : eventMetadata;
    }

    public V1alpha1AlertSpec eventMetadata(Map<String, String> eventMetadata) {
        this.eventMetadata = eventMetadata == null ? null : new LinkedHashMap<>(eventMetadata);
        return this;
    }

    public String getSummary() {
        return summary;
    }

    public V1alpha1AlertSpec summary(String summary) {
        this.summary = summary;
        return this;
    }

    public boolean isSuspend() {
        return Boolean.TRUE.equals(suspend);
    }

    public V1alpha1AlertSpec suspend(boolean suspend) {
        this.suspend = suspend;
        return this;
    }
}
