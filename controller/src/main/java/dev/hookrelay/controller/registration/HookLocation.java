package dev.hookrelay.controller.registration;

import dev.hookrelay.api.V1alpha1Registration;
import dev.hookrelay.api.V1alpha1RegistrationStatus;
import dev.hookrelay.controller.kube.Problem;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** Where a webhook lives: the provider, its API, and the repository, organization, group, project or workspace. */
record HookLocation(String type, String apiUrl, @Nullable String repository, @Nullable String organization,
                    @Nullable String group, @Nullable String project, @Nullable String workspace) {

    private static final Map<String, String> DEFAULT_API = Map.of(
            "github", "https://api.github.com",
            "gitlab", "https://gitlab.com/api/v4",
            "bitbucket", "https://api.bitbucket.org/2.0");

    static HookLocation of(String type, V1alpha1Registration spec) {
        return new HookLocation(type, apiUrl(type, spec.getApiURL()), spec.getRepository(), spec.getOrganization(),
                spec.getGroup(), spec.getProject(), spec.getWorkspace());
    }

    /** Where the status says the webhook was registered; null when it names no webhook. */
    @Nullable
    static HookLocation of(String type, @Nullable V1alpha1RegistrationStatus status) {
        if (status == null || status.getHookID() == null || status.getApiURL() == null) {
            return null;
        }
        return new HookLocation(type, status.getApiURL(), status.getRepository(), status.getOrganization(),
                status.getGroup(), status.getProject(), status.getWorkspace());
    }

    private static String apiUrl(String type, @Nullable String apiUrl) {
        String url = apiUrl != null ? apiUrl : DEFAULT_API.get(type);
        if (url == null) {
            throw Problem.retried("ApiURLMissing", "Receivers of type " + type
                    + " need spec.registration.apiURL, the root of the server's REST API");
        }
        return url.replaceAll("/+$", "");
    }

    /** Copies this location into the status. */
    V1alpha1RegistrationStatus into(V1alpha1RegistrationStatus status) {
        return status.apiURL(apiUrl).repository(repository).organization(organization).group(group).project(project)
                .workspace(workspace);
    }

    /** For conditions and Events, for example "repository acme/podinfo at https://api.github.com". */
    String describe() {
        String where;
        if (workspace != null) {
            where = "repository " + workspace + "/" + repository;
        } else if (project != null && repository != null) {
            where = "repository " + project + "/" + repository;
        } else if (repository != null) {
            where = "repository " + repository;
        } else if (organization != null) {
            where = "organization " + organization;
        } else if (group != null) {
            where = "group " + group;
        } else {
            where = "project " + project;
        }
        return where + " at " + apiUrl;
    }
}
