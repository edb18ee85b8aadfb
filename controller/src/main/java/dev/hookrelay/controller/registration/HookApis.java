package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.Problem;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** The hook API of the provider at a location, with the credentials it is to be called with. */
@Singleton
class HookApis {
    private final HttpClient client;
    private final Duration timeout;
    private final GitHubAppTokens appTokens;

    HookApis(RegistrationSettings settings, GitHubAppTokens appTokens) {
        this.timeout = settings.getRequestTimeout();
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.appTokens = appTokens;
    }

    HookApi open(HookLocation location, Credentials credentials) {
        return switch (location.type()) {
            case "github" -> new GitHubHooks(http("GitHub", location, gitHubAuth(location, credentials),
                    GitHubHooks.scopes(location)), location);
            case "gitlab" -> new GitLabHooks(http("GitLab", location, tokenHeader("PRIVATE-TOKEN", credentials),
                    GitLabHooks.SCOPES), location);
            case "gitea", "forgejo", "gogs" -> new GiteaHooks(http(product(location.type()), location,
                    authorization("token", credentials), GiteaHooks.scopes(location)), location.type(), location);
            case "bitbucket" -> new BitbucketHooks(http("Bitbucket", location, authorization("Bearer", credentials),
                    BitbucketHooks.SCOPES), location);
            case "bitbucket-server" -> new BitbucketServerHooks(http("Bitbucket Server", location,
                    authorization("Bearer", credentials), BitbucketServerHooks.SCOPES), location);
            default -> throw Problem.retried("RegistrationUnsupported", "Hookrelay cannot register webhooks"
                    + " for type " + location.type() + "; remove spec.registration and register status.url by hand");
        };
    }

    private ProviderHttp http(String product, HookLocation location, ProviderHttp.AuthHeaders auth, String scopes) {
        return new ProviderHttp(client, timeout, product, location, auth, scopes);
    }

    private static String product(String type) {
        return switch (type) {
            case "forgejo" -> "Forgejo";
            case "gogs" -> "Gogs";
            default -> "Gitea";
        };
    }

    private ProviderHttp.AuthHeaders gitHubAuth(HookLocation location, Credentials credentials) {
        if (credentials.app() == null) {
            return authorization("Bearer", credentials);
        }
        return () -> Map.of("Authorization", "Bearer " + appTokens.installationToken(client, timeout, location.apiUrl(),
                credentials.app()));
    }

    /** {@code Authorization: <scheme> <token>}, or HTTP basic auth when the Secret names a user. */
    private static ProviderHttp.AuthHeaders authorization(String scheme, Credentials credentials) {
        if (credentials.username() != null) {
            String basic = java.util.Base64.getEncoder().encodeToString((credentials.username() + ":" + credentials.token())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return () -> Map.of("Authorization", "Basic " + basic);
        }
        return () -> Map.of("Authorization", scheme + " " + credentials.token());
    }

    private static ProviderHttp.AuthHeaders tokenHeader(String header, Credentials credentials) {
        return () -> Map.of(header, credentials.token());
    }
}
