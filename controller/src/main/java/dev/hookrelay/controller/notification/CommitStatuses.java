package dev.hookrelay.controller.notification;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.filter.EventFilter;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.api.filter.FilterLanguage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Commit statuses on the revision in the event's metadata (Flux's "revision": main@sha1:abc…,
 * sha1:abc…, or a bare hash), keyed like Flux keys them (kind/name/first part of the
 * Provider's UID), so a Flux user's statuses carry on. Success on info, failure on error,
 * pending while the reason says Progressing. What differs per forge is data: its API path,
 * authentication and body.
 */
final class CommitStatuses implements Notifier {

    static List<String> types() {
        return Arrays.stream(Forge.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        Status status = new Status(commit(event, endpoint), key(event, endpoint, alert), state(event), description(event));
        return List.of(Forge.valueOf(endpoint.type().toUpperCase(Locale.ROOT)).shape.request(status, endpoint));
    }

    private enum Forge {
        /** POST /repos/{owner}/{repo}/statuses/{sha}; api.github.com for github.com, /api/v3 on GitHub Enterprise. */
        GITHUB((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
            String api = repo.host().equals("https://github.com") ? "https://api.github.com" : repo.host() + "/api/v3";
            JsonObject body = new JsonObject();
            body.addProperty("state", status.state().github);
            body.addProperty("context", status.key());
            body.addProperty("description", EventText.truncate(status.description(), 140));
            return OutboundRequest.postJson(URI.create(api + "/repos/" + repo.path() + "/statuses/" + status.sha()),
                    Map.of("Authorization", "Bearer " + endpoint.requiredToken(), "Accept", "application/vnd.github+json",
                            "X-GitHub-Api-Version", "2022-11-28"), body.toString());
        }),
        /** POST /api/v4/projects/{url-encoded path}/statuses/{sha} with PRIVATE-TOKEN. */
        GITLAB((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
            JsonObject body = new JsonObject();
            body.addProperty("state", status.state().gitlab);
            body.addProperty("name", status.key());
            body.addProperty("description", status.description());
            return OutboundRequest.postJson(URI.create(repo.host() + "/api/v4/projects/"
                            + URLEncoder.encode(repo.path(), StandardCharsets.UTF_8) + "/statuses/" + status.sha()),
                    Map.of("PRIVATE-TOKEN", endpoint.requiredToken()), body.toString());
        }),
        /** POST /api/v1/repos/{owner}/{repo}/statuses/{sha} with Authorization: token. */
        GITEA((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
            JsonObject body = new JsonObject();
            body.addProperty("state", status.state().github);
            body.addProperty("context", status.key());
            body.addProperty("description", status.description());
            return OutboundRequest.postJson(URI.create(repo.host() + "/api/v1/repos/" + repo.path() + "/statuses/" + status.sha()),
                    Map.of("Authorization", "token " + endpoint.requiredToken()), body.toString());
        }),
        /**
         * Bitbucket Cloud: POST /2.0/repositories/{workspace}/{repo}/commit/{sha}/statuses/build on api.bitbucket.org
         * (on the address's own host when it is not bitbucket.org), app password as username:token.
         */
        BITBUCKET((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
            String api = repo.host().equals("https://bitbucket.org") ? "https://api.bitbucket.org" : repo.host();
            JsonObject body = bitbucketBody(status, endpoint);
            return OutboundRequest.postJson(URI.create(api + "/2.0/repositories/" + repo.path()
                            + "/commit/" + status.sha() + "/statuses/build"),
                    Map.of("Authorization", basic(endpoint)), body.toString());
        }),
        /** Bitbucket Data Center: POST /rest/api/latest/projects/{key}/repos/{slug}/commits/{sha}/builds, bearer token or basic. */
        BITBUCKETSERVER((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 2);
            String[] segments = repo.segments();
            String project = segments[segments.length - 2];
            String auth = endpoint.password().isEmpty() ? "Bearer " + endpoint.requiredToken() : basic(endpoint);
            return OutboundRequest.postJson(URI.create(repo.host() + "/rest/api/latest/projects/" + project + "/repos/"
                            + repo.last() + "/commits/" + status.sha() + "/builds"),
                    Map.of("Authorization", auth), bitbucketBody(status, endpoint).toString());
        }),
        /** Azure DevOps: POST {org}/{project}/_apis/git/repositories/{repo}/commits/{sha}/statuses, PAT as basic password. */
        AZUREDEVOPS((status, endpoint) -> {
            RepositoryAddress repo = RepositoryAddress.of(endpoint, 4);
            String[] segments = repo.segments();
            if (!"_git".equals(segments[segments.length - 2])) {
                throw new NotifierException("the address of Provider " + endpoint.key()
                        + " must be https://dev.azure.com/{organization}/{project}/_git/{repository}");
            }
            JsonObject context = new JsonObject();
            context.addProperty("genre", "fluxcd");
            context.addProperty("name", status.key());
            JsonObject body = new JsonObject();
            body.addProperty("state", status.state().azure);
            body.addProperty("description", status.description());
            body.add("context", context);
            return OutboundRequest.postJson(URI.create(repo.host() + "/" + segments[0] + "/" + segments[1]
                            + "/_apis/git/repositories/" + repo.last() + "/commits/" + status.sha() + "/statuses?api-version=7.1"),
                    Map.of("Authorization", BasicAuth.of("", endpoint.requiredToken())), body.toString());
        });

        private final Shape shape;

        Forge(Shape shape) {
            this.shape = shape;
        }
    }

    @FunctionalInterface
    private interface Shape {
        OutboundRequest request(Status status, ProviderEndpoint endpoint) throws NotifierException;
    }

    private record Status(String sha, String key, State state, String description) {
    }

    private enum State {
        SUCCESS("success", "success", "SUCCESSFUL", "succeeded"),
        FAILURE("failure", "failed", "FAILED", "failed"),
        PENDING("pending", "running", "INPROGRESS", "pending");

        private final String github;
        private final String gitlab;
        private final String bitbucket;
        private final String azure;

        State(String github, String gitlab, String bitbucket, String azure) {
            this.github = github;
            this.gitlab = gitlab;
            this.bitbucket = bitbucket;
            this.azure = azure;
        }
    }

    private static State state(FluxEvent event) {
        if (event.isError()) {
            return State.FAILURE;
        }
        return event.reason().contains("Progressing") ? State.PENDING : State.SUCCESS;
    }

    /** The commit hash of the event's revision. */
    static String commit(FluxEvent event, ProviderEndpoint endpoint) throws NotifierException {
        String revision = event.revision();
        if (revision == null || revision.isEmpty()) {
            throw new NotifierException("the event of " + EventText.title(event) + " has no revision in its metadata,"
                    + " so there is no commit to set a status on (Provider " + endpoint.key() + ")");
        }
        int colon = revision.lastIndexOf(':');
        int slash = revision.lastIndexOf('/');
        String sha = colon >= 0 ? revision.substring(colon + 1) : slash >= 0 ? revision.substring(slash + 1) : revision;
        if (!sha.matches("[0-9a-fA-F]{7,64}")) {
            throw new NotifierException("revision '" + revision + "' of " + EventText.title(event) + " names no commit hash");
        }
        return sha;
    }

    /**
     * What spec.commitStatusExpr gives for the event, the Provider and the Alert; without one,
     * Flux's default: kind/name/first part of the Provider's UID, lower case.
     */
    private static String key(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        Optional<EventFilter> expression = endpoint.commitStatusKey();
        if (expression.isPresent()) {
            try {
                return expression.get().text(Map.of(FilterLanguage.EVENT, event.asCelValue(),
                        FilterLanguage.PROVIDER, Map.of("metadata", metadata(endpoint.namespace(), endpoint.name(), endpoint.uid())),
                        FilterLanguage.ALERT, Map.of("metadata", metadata(alert.getMetadata().getNamespace(),
                                alert.getMetadata().getName(), alert.getMetadata().getUid()))));
            } catch (FilterException e) {
                throw new NotifierException("spec.commitStatusExpr of Provider " + endpoint.key() + " failed on "
                        + EventText.title(event) + ": " + e.getMessage());
            }
        }
        String uid = endpoint.uid() == null ? "" : endpoint.uid().split("-")[0];
        return (event.involvedObject().kind() + "/" + event.involvedObject().name() + "/" + uid).toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> metadata(String namespace, String name, String uid) {
        return Map.of("namespace", namespace == null ? "" : namespace, "name", name == null ? "" : name,
                "uid", uid == null ? "" : uid);
    }

    /** The reason in words, as Flux describes a commit status: ReconciliationSucceeded → reconciliation succeeded. */
    private static String description(FluxEvent event) {
        return event.reason().replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static JsonObject bitbucketBody(Status status, ProviderEndpoint endpoint) throws NotifierException {
        JsonObject body = new JsonObject();
        body.addProperty("state", status.state().bitbucket);
        body.addProperty("key", EventText.truncate(status.key(), 40));
        body.addProperty("name", status.key());
        body.addProperty("url", endpoint.addressUri().toString());
        body.addProperty("description", status.description());
        return body;
    }

    /** Basic authentication from username and password (or token), or from a token of the form user:password. */
    private static String basic(ProviderEndpoint endpoint) throws NotifierException {
        if (!endpoint.username().isEmpty()) {
            return BasicAuth.of(endpoint.username(), endpoint.password().isEmpty() ? endpoint.requiredToken() : endpoint.password());
        }
        String token = endpoint.requiredToken();
        int colon = token.indexOf(':');
        if (colon < 0) {
            throw new NotifierException("Provider " + endpoint.key() + " needs a username (spec.username or the Secret's"
                    + " `username`) with its token, or a token of the form username:password");
        }
        return BasicAuth.of(token.substring(0, colon), token.substring(colon + 1));
    }
}
