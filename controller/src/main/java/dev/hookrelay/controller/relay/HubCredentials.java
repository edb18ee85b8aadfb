package dev.hookrelay.controller.relay;

import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The hub's kubeconfig, read by name from the Relay's Secret (Secrets are not cached), and the
 * client built from it. The kubeconfig must carry its credentials inline: references to files
 * or to programs are refused, because they would run or read them inside the controller, with
 * its own identity. A connection that does not verify the hub (plain http,
 * insecure-skip-tls-verify) is refused unless the controller's configuration allows it.
 */
@Singleton
class HubCredentials {
    private static final Set<String> OUTSIDE_REFERENCES = Set.of(
            "certificate-authority", "client-certificate", "client-key", "tokenFile", "exec", "auth-provider");

    private final CoreV1Api core;
    private final RelaySettings settings;

    HubCredentials(ApiClient client, RelaySettings settings) {
        this.core = new CoreV1Api(client);
        this.settings = settings;
    }

    /** The kubeconfig as the Secret holds it now, checked; compare it to know whether the client must change. */
    String kubeconfig(HubAddress hub) throws ApiException {
        V1Secret secret;
        try {
            secret = core.readNamespacedSecret(hub.secretName(), hub.relayNamespace()).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw Problem.retried("SecretNotFound", "Secret " + hub.secretName() + " (spec.hub.kubeConfigSecretRef) does"
                        + " not exist in namespace " + hub.relayNamespace() + "; create it with a key `" + hub.secretKey()
                        + "` holding a kubeconfig for the hub");
            }
            throw e;
        }
        byte[] data = secret.getData() == null ? null : secret.getData().get(hub.secretKey());
        if (data == null || data.length == 0) {
            throw invalid(hub, "it has no key `" + hub.secretKey() + "`");
        }
        String text = new String(data, StandardCharsets.UTF_8);
        check(hub, parse(hub, text));
        return text;
    }

    /** A client of its own for one hub watch; {@link #close} it when the watch ends or its kubeconfig changes. */
    ApiClient clientFor(HubAddress hub, String kubeconfig) {
        try {
            ApiClient client = ClientBuilder.kubeconfig(parse(hub, kubeconfig)).build();
            // a watch stays quiet until the hub ends it: only a longer silence, or an unanswered ping, means a lost hub
            client.setHttpClient(client.getHttpClient().newBuilder()
                    .connectTimeout(settings.getConnectTimeout())
                    .readTimeout(settings.getWatchTimeout().plus(settings.getConnectTimeout()))
                    .pingInterval(settings.getPingInterval())
                    // no idle connection kept: each lives as long as its list or watch, so none outlives a stopped
                    // Relay (an HTTP/2 connection whose watch was just cancelled is not yet idle when close() evicts)
                    .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                    .build());
            return client;
        } catch (IOException | RuntimeException e) {
            throw invalid(hub, "it has no usable server or credentials");
        }
    }

    /** Closes the client's idle connections (a closed watch leaves its own idle) and stops its threads. */
    static void close(ApiClient client) {
        OkHttpClient http = client.getHttpClient();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static KubeConfig parse(HubAddress hub, String text) {
        try {
            return KubeConfig.loadKubeConfig(new StringReader(text));
        } catch (RuntimeException e) {
            throw invalid(hub, "its key `" + hub.secretKey() + "` is not a kubeconfig");
        }
    }

    private void check(HubAddress hub, KubeConfig kubeconfig) {
        if (refersOutside(kubeconfig.getClusters(), "cluster") || refersOutside(kubeconfig.getUsers(), "user")) {
            throw invalid(hub, "it refers to files or programs (" + String.join(", ", OUTSIDE_REFERENCES.stream().sorted()
                    .toList()) + "); inline the credentials instead (*-data fields, token)");
        }
        String server = kubeconfig.getServer();
        if (server != null && server.toLowerCase(Locale.ROOT).startsWith("http:") && !settings.isAllowPlainHttp()) {
            throw insecure(hub, "its server is plain http, which neither hides the credential nor proves the hub is "
                    + "the hub; use https with the hub's CA in certificate-authority-data", "allow-plain-http");
        }
        if (!kubeconfig.verifySSL() && !settings.isAllowInsecureSkipTlsVerify()) {
            throw insecure(hub, "it sets insecure-skip-tls-verify, so anyone in the network path could pose as the hub "
                    + "and take the credential; give the hub's CA in certificate-authority-data instead",
                    "allow-insecure-skip-tls-verify");
        }
    }

    private static boolean refersOutside(List<Object> entries, String field) {
        if (entries == null) {
            return false;
        }
        return entries.stream()
                .filter(Map.class::isInstance)
                .map(entry -> ((Map<?, ?>) entry).get(field))
                .filter(Map.class::isInstance)
                .anyMatch(details -> ((Map<?, ?>) details).keySet().stream().anyMatch(OUTSIDE_REFERENCES::contains));
    }

    private static Problem invalid(HubAddress hub, String why) {
        return Problem.retried("KubeconfigInvalid", "The kubeconfig in Secret " + hub.secretName() + " cannot be used: "
                + why);
    }

    private static Problem insecure(HubAddress hub, String why, String setting) {
        return Problem.retried("InsecureConnectionRefused", "The kubeconfig in Secret " + hub.secretName()
                + " is refused: " + why + " (or ask the controller's administrator to set hookrelay.relay." + setting + ")");
    }
}
