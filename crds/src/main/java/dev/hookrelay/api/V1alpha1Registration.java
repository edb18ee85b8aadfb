package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** spec.registration: where Hookrelay keeps the webhook, and the credentials that may manage it. */
public class V1alpha1Registration {
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
    @SerializedName("credentialsRef")
    private V1alpha1SecretRef credentialsRef;

    /** owner/name (github, gitea, forgejo, gogs) or a repository slug (bitbucket, bitbucket-server). */
    public String getRepository() {
        return repository;
    }

    public V1alpha1Registration repository(String repository) {
        this.repository = repository;
        return this;
    }

    /** An organization (github, gitea, forgejo, gogs). */
    public String getOrganization() {
        return organization;
    }

    public V1alpha1Registration organization(String organization) {
        this.organization = organization;
        return this;
    }

    /** A GitLab group, by id or full path. */
    public String getGroup() {
        return group;
    }

    public V1alpha1Registration group(String group) {
        this.group = group;
        return this;
    }

    /** A GitLab project by id or path, or a Bitbucket Server project key. */
    public String getProject() {
        return project;
    }

    public V1alpha1Registration project(String project) {
        this.project = project;
        return this;
    }

    /** A Bitbucket Cloud workspace. */
    public String getWorkspace() {
        return workspace;
    }

    public V1alpha1Registration workspace(String workspace) {
        this.workspace = workspace;
        return this;
    }

    /** Root of the provider's REST API; null for the provider's default. */
    public String getApiURL() {
        return apiURL;
    }

    public V1alpha1Registration apiURL(String apiURL) {
        this.apiURL = apiURL;
        return this;
    }

    /** Secret with `token` (and optionally `username`), or a GitHub App's `appID`, `installationID`, `privateKey`. */
    public V1alpha1SecretRef getCredentialsRef() {
        return credentialsRef;
    }

    public V1alpha1Registration credentialsRef(V1alpha1SecretRef credentialsRef) {
        this.credentialsRef = credentialsRef;
        return this;
    }
}
