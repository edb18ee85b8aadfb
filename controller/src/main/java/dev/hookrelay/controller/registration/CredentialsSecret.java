package dev.hookrelay.controller.registration;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.controller.receiver.ServedToken;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads, by name and each time they are needed, the Secret that spec.registration.credentialsRef
 * names (never mounted into the function, cached, logged or copied anywhere) and the token the
 * function serves, which becomes the webhook's secret.
 */
@Singleton
class CredentialsSecret {
    private final CoreV1Api core;

    CredentialsSecret(ApiClient client) {
        this.core = new CoreV1Api(client);
    }

    Credentials read(V1alpha1Receiver receiver, String name) throws ApiException {
        String namespace = receiver.getMetadata().getNamespace();
        V1Secret secret;
        try {
            secret = core.readNamespacedSecret(name, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw Problem.retried("SecretNotFound", "Secret " + name + " (spec.registration.credentialsRef)"
                        + " does not exist in namespace " + namespace + "; create it with a key `token` holding an access"
                        + " token that may manage webhooks, or `appID`, `installationID` and `privateKey` of a GitHub App");
            }
            throw e;
        }
        Map<String, byte[]> data = dataOf(secret);
        String token = value(data, "token");
        String appId = value(data, "appID");
        String installationId = value(data, "installationID");
        String privateKey = value(data, "privateKey");
        if (appId != null || installationId != null || privateKey != null) {
            if (appId == null || installationId == null || privateKey == null) {
                throw Problem.retried("CredentialsInvalid", "Secret " + name + " names a GitHub App but lacks "
                        + (appId == null ? "`appID` " : "") + (installationId == null ? "`installationID` " : "")
                        + (privateKey == null ? "`privateKey` " : "") + "; a GitHub App needs all three");
            }
            if (!"github".equals(receiver.getSpec().getType())) {
                throw Problem.retried("CredentialsInvalid", "Secret " + name + " holds a GitHub App, but the"
                        + " Receiver's type is " + receiver.getSpec().getType() + "; put a `token` in it");
            }
            return new Credentials(name, null, null, new Credentials.GitHubApp(appId, installationId, privateKey));
        }
        if (token == null) {
            throw Problem.retried("CredentialsInvalid", "Secret " + name + " has no key `token`; add an access"
                    + " token that may manage webhooks" + ("github".equals(receiver.getSpec().getType())
                    ? ", or `appID`, `installationID` and `privateKey` of a GitHub App" : ""));
        }
        return new Credentials(name, token, value(data, "username"), null);
    }

    private static String value(Map<String, byte[]> data, String key) {
        byte[] value = data.get(key);
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * The Receiver's token as a Ready revision of its function serves it ({@link ServedToken}): after
     * a rotation the provider gets the new token only once the function verifies it.
     */
    String webhookToken(V1alpha1Receiver receiver) throws ApiException {
        String name = ServedToken.secretName(receiver);
        try {
            String token = value(dataOf(core.readNamespacedSecret(name, receiver.getMetadata().getNamespace()).execute()),
                    ServedToken.KEY);
            if (token == null) {
                throw Problem.retried("WaitingForToken", "Waiting for the Receiver's function to serve its token"
                        + " (Secret " + name + " records it once the Knative Service is Ready)");
            }
            return token;
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw Problem.retried("WaitingForToken", "Waiting for the Receiver's webhook Secret " + name);
            }
            throw e;
        }
    }

    private static Map<String, byte[]> dataOf(V1Secret secret) {
        return secret.getData() == null ? Map.of() : secret.getData();
    }
}
