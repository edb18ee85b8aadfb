package dev.hookrelay.controller.notification;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Alert;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * githubdispatch: a repository_dispatch event (POST /repos/{owner}/{repo}/dispatches) whose
 * event_type is kind/name.namespace and whose client_payload is the Flux event, so a GitHub
 * Actions workflow can run on it.
 */
final class GitHubDispatch implements Notifier {
    static final String TYPE = "githubdispatch";

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
        String api = repo.host().equals("https://github.com") ? "https://api.github.com" : repo.host() + "/api/v3";
        JsonObject body = new JsonObject();
        body.addProperty("event_type", EventText.title(event));
        body.add("client_payload", FluxEventJson.write(event));
        return List.of(OutboundRequest.postJson(URI.create(api + "/repos/" + repo.path() + "/dispatches"),
                Map.of("Authorization", "Bearer " + endpoint.requiredToken(), "Accept", "application/vnd.github+json",
                        "X-GitHub-Api-Version", "2022-11-28"), body.toString()));
    }
}
