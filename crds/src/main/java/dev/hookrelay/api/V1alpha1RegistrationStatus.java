package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** status.registration: the webhook as last read back from the provider, and where it is. */
public class V1alpha1RegistrationStatus {
    @SerializedName("hookID")
    private String hookID;
    @SerializedName("url")
    private String url;
    @SerializedName("events")
    private List<String> events;
    @SerializedName("lastVerifiedAt")
    private OffsetDateTime lastVerifiedAt;
    @SerializedName("secretSetAt")
    private OffsetDateTime secretSetAt;
    @SerializedName("repository")
    private String repository;
    @SerializedName("organization")
    private String organization;
    @SerializedName("group")
    private String group;
    @SerializedName("project")
    private String project;
    @SerializedName("workspace")
    private String workspace;
    @SerializedName("apiURL")
    private String apiURL;

    /** The provider's id of the webhook. */
    public String getHookID() {
        return hookID;
    }

    public V1alpha1RegistrationStatus hookID(String hookID) {
        this.hookID = hookID;
        return this;
    }

    /** The URL it delivers to. */
    public String getUrl() {
        return url;
    }

    public V1alpha1RegistrationStatus url(String url) {
        this.url = url;
        return this;
    }

    /** The events it is subscribed to, as the provider names them. */
    public List<String> getEvents() {
        return events == null ? List.of() : events;
    }

    public V1alpha1RegistrationStatus events(List<String> events) {
        this.events = events == null ? null : new ArrayList<>(events);
        return this;
    }

    /** When it was last read back and found as wanted. */
    public OffsetDateTime getLastVerifiedAt() {
        return lastVerifiedAt;
    }

    public V1alpha1RegistrationStatus lastVerifiedAt(OffsetDateTime lastVerifiedAt) {
        this.lastVerifiedAt = lastVerifiedAt;
        return this;
    }

    /** When the provider last confirmed the webhook's secret set to the current token. */
    public OffsetDateTime getSecretSetAt() {
        return secretSetAt;
    }

    public V1alpha1RegistrationStatus secretSetAt(OffsetDateTime secretSetAt) {
        this.secretSetAt = secretSetAt;
        return this;
    }

    public String getRepository() {
        return repository;
    }

    public V1alpha1RegistrationStatus repository(String repository) {
        this.repository = repository;
        return this;
    }

    public String getOrganization() {
        return organization;
    }

    public V1alpha1RegistrationStatus organization(String organization) {
        this.organization = organization;
        return this;
    }

    public String getGroup() {
        return group;
    }

    public V1alpha1RegistrationStatus group(String group) {
        this.group = group;
        return this;
    }

    public String getProject() {
        return project;
    }

    public V1alpha1RegistrationStatus project(String project) {
        this.project = project;
        return this;
    }

    public String getWorkspace() {
        return workspace;
    }

    public V1alpha1RegistrationStatus workspace(String workspace) {
        this.workspace = workspace;
        return this;
    }

    public String getApiURL() {
        return apiURL;
    }

    public V1alpha1RegistrationStatus apiURL(String apiURL) {
        this.apiURL = apiURL;
        return this;
    }
}
