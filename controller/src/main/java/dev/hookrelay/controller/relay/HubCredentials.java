package dev.hookrelay.controller.relay;

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
import java.util.Map;
import java.util.Set;

/**
 * A client for the hub, built from the kubeconfig in the Relay's Secret, read afresh at every
 * connect so that a replaced credential is used at the next attempt. The kubeconfig must carry
 * its credentials inline: references to files or to programs are refused, because they would
 * run or read them inside the controller, with its own identity.
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

    ApiClient clientFor(HubAddress hub) throws HubProblem, ApiException {
        KubeConfig kubeconfig = kubeconfig(hub);
        try {
            ApiClient client = ClientBuilder.kubeconfig(kubeconfig).build();
            // a watch stays quiet until the hub ends it: only a longer silence, or an unanswered ping, means a lost hub
            client.setHttpClient(client.getHttpClient().newBuilder()
                    .connectTimeout(settings.getConnectTimeout())
                    .readTimeout(settings.getWatchTimeout().plus(settings.getConnectTimeout()))
                    .pingInterval(settings.getPingInterval())
                    .build());
            return client;
        } catch (IOException | RuntimeException e) {
            throw invalid(hub, "it has no usable server or credentials");
        }
    }

    private KubeConfig kubeconfig(HubAddress hub) throws HubProblem, ApiException {
        V1Secret secret;
        try {
            secret = core.readNamespacedSecret(hub.secretName(), hub.relayNamespace()).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw new HubProblem("SecretNotFound", "Secret " + hub.secretName() + " (spec.hub.kubeConfigSecretRef) does"
                        + " not exist in namespace " + hub.relayNamespace() + "; create it with a key `" + hub.secretKey()
                        + "` holding a kubeconfig for the hub");
            }
            throw e;
        }
        byte[] data = secret.getData() == null ? null : secret.getData().get(hub.secretKey());
        if (data == null || data.length == 0) {
            throw invalid(hub, "it has no key `" + hub.secretKey() + "`");
        }
        KubeConfig kubeconfig;
        try {
            kubeconfig = KubeConfig.loadKubeConfig(new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            throw invalid(hub, "its key `" + hub.secretKey() + "` is not a kubeconfig");
        }
        if (refersOutside(kubeconfig.getClusters(), "cluster") || refersOutside(kubeconfig.getUsers(), "user")) {
            throw invalid(hub, "it refers to files or programs (" + String.join(", ", OUTSIDE_REFERENCES.stream().sorted()
                    .toList()) + "); inline the credentials instead (*-data fields, token)");
        }
        return kubeconfig;
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

    private static HubProblem invalid(HubAddress hub, String why) {
        return new HubProblem("KubeconfigInvalid", "The kubeconfig in Secret " + hub.secretName() + " cannot be used: "
                + why);
    }
}
