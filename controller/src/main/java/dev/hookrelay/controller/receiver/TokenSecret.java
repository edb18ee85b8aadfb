package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.ObjectNames;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1SecretRef;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secret with a Receiver's token: the one spec.secretRef names, read by name (never cached,
 * never modified); otherwise one the controller creates, owns and labels as Hookrelay's (the
 * only Secrets its informer watches), with a random token that it replaces only when asked to
 * rotate it and, for a provider that cannot sign, the webhook URL that is its credential.
 */
@Singleton
class TokenSecret {
    private static final String PREFIX = "hookrelay-token-";
    private static final int SECRET_NAME_MAX = 253;

    private final CoreV1Api core;
    private final OwnedObjects<V1Secret, V1SecretList> secrets;

    TokenSecret(ReceiverCaches caches, ApiClient client) {
        this.core = new CoreV1Api(client);
        this.secrets = new OwnedObjects<>("Secret", V1Secret.class, V1SecretList.class, "", "v1", "secrets",
                caches::secrets, client);
    }

    static String ownedName(V1alpha1Receiver receiver) {
        return ObjectNames.derived(PREFIX, receiver.getMetadata().getName(), SECRET_NAME_MAX);
    }

    Token resolve(V1alpha1Receiver receiver) throws ApiException {
        V1alpha1SecretRef ref = receiver.getSpec().getSecretRef();
        return ref == null ? owned(receiver) : referenced(receiver, ref.getName());
    }

    private Token referenced(V1alpha1Receiver receiver, String name) throws ApiException {
        V1Secret secret = read(receiver.getMetadata().getNamespace(), name);
        if (secret == null) {
            throw Problem.awaitingChange("SecretNotFound", "Secret " + name + " (spec.secretRef) does not exist in namespace "
                    + receiver.getMetadata().getNamespace() + "; create it with a key `token` of at least "
                    + FunctionContract.MIN_TOKEN_LENGTH + " characters, or remove spec.secretRef to let Hookrelay create one");
        }
        String token = tokenOf(secret);
        if (token == null) {
            throw Problem.awaitingChange("TokenMissing", "Secret " + name + " has no key `" + FunctionContract.TOKEN_KEY
                    + "`; add it or remove spec.secretRef to let Hookrelay create one");
        }
        return validated(name, token, "replace it with a longer one, for example `openssl rand -hex 32`");
    }

    /** The Secret, or null when there is none; a GET, because the informer sees only Hookrelay's own Secrets. */
    private V1Secret read(String namespace, String name) throws ApiException {
        try {
            return core.readNamespacedSecret(name, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private Token owned(V1alpha1Receiver receiver) throws ApiException {
        return validated(ownedName(receiver), tokenOf(ensureOwned(receiver, null)),
                "remove the key to let Hookrelay generate a new token");
    }

    /** Adds the webhook URL to the owned Secret, for a provider that cannot sign: the URL is its credential. */
    void keepUrl(V1alpha1Receiver receiver, String url) throws ApiException {
        ensureOwned(receiver, url);
    }

    /** Replaces the token of the owned Secret with a new random one: a rotation Hookrelay was asked for. */
    void replaceOwnedToken(V1alpha1Receiver receiver) throws ApiException {
        String name = ownedName(receiver);
        String fresh = Token.random();
        secrets.ensure(receiver, name, actual -> desired(receiver, name, fresh, null))
                .orElseThrow(() -> conflict(name));
    }

    /** When the owned Secret was created, or null when it does not exist (yet). */
    @Nullable
    Instant ownedCreatedAt(V1alpha1Receiver receiver) {
        V1Secret secret = secrets.cached(receiver, ownedName(receiver));
        return secret == null || secret.getMetadata().getCreationTimestamp() == null ? null
                : secret.getMetadata().getCreationTimestamp().toInstant();
    }

    private V1Secret ensureOwned(V1alpha1Receiver receiver, @Nullable String url) throws ApiException {
        String name = ownedName(receiver);
        return secrets.ensure(receiver, name, actual -> desired(receiver, name, existingOrNew(actual), url))
                .orElseThrow(() -> conflict(name));
    }

    private static Problem conflict(String name) {
        return Problem.retried("SecretConflict", "Secret " + name
                + " belongs to another owner; delete it, or set spec.secretRef to a Secret of your own");
    }

    private static String existingOrNew(@Nullable V1Secret actual) {
        String existing = actual == null ? null : tokenOf(actual);
        return existing != null ? existing : Token.random();
    }

    /** The owned Secret: labels and owner as wanted, this token, and the URL when one is given. */
    private static V1Secret desired(V1alpha1Receiver receiver, String name, String token, @Nullable String url) {
        Map<String, byte[]> data = new LinkedHashMap<>();
        data.put(FunctionContract.TOKEN_KEY, token.getBytes(StandardCharsets.UTF_8));
        if (url != null) {
            data.put(FunctionContract.URL_KEY, url.getBytes(StandardCharsets.UTF_8));
        }
        return new V1Secret().apiVersion("v1").kind("Secret").type("Opaque")
                .metadata(Owners.metadata(receiver, name))
                .data(data);
    }

    private static Token validated(String secretName, String token, String fix) {
        if (token.length() < FunctionContract.MIN_TOKEN_LENGTH) {
            throw Problem.awaitingChange("TokenTooShort", "The token in Secret " + secretName + " has " + token.length()
                    + " characters; Hookrelay needs at least " + FunctionContract.MIN_TOKEN_LENGTH + ": " + fix);
        }
        return new Token(secretName, token);
    }

    /** Stripped of surrounding whitespace, as receiver-fn reads the mounted file. */
    private static String tokenOf(V1Secret secret) {
        byte[] token = secret.getData() == null ? null : secret.getData().get(FunctionContract.TOKEN_KEY);
        return token == null || token.length == 0 ? null : new String(token, StandardCharsets.UTF_8).strip();
    }
}
