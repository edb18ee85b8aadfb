package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.ObjectNames;
import dev.hookrelay.api.V1alpha1Receiver;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A Receiver's webhook Secret, which Hookrelay owns: the path of a provider that signs, random
 * and kept here for the Receiver's life (key {@value #PATH_KEY}), so that neither a rotated token
 * nor a lost status changes the URL registered at the provider; and, for a provider that cannot
 * sign whose token is in a Secret of the user's own (spec.secretRef, which Hookrelay never
 * writes), the URL that is its credential ({@value FunctionContract#URL_KEY}); and, for every
 * Receiver, what the controller remembers of its token rotations ({@link RotationState}), including
 * the previous token that the function mounts from here during a grace window.
 */
@Singleton
class WebhookSecret {
    static final String PATH_KEY = "webhookPath";
    private static final String PREFIX = "hookrelay-webhook-";
    private static final int SECRET_NAME_MAX = 253;

    private final TokenSecret tokenSecret;
    private final OwnedObjects<V1Secret, V1SecretList> secrets;

    WebhookSecret(ReceiverCaches caches, TokenSecret tokenSecret, ApiClient client) {
        this.tokenSecret = tokenSecret;
        this.secrets = new OwnedObjects<>("Secret", V1Secret.class, V1SecretList.class, "", "v1", "secrets",
                caches::secrets, client);
    }

    static String name(V1alpha1Receiver receiver) {
        return ObjectNames.derived(PREFIX, receiver.getMetadata().getName(), SECRET_NAME_MAX);
    }

    /** The Secret whose {@value FunctionContract#URL_KEY} holds the URL of a provider that cannot sign. */
    static String urlSecretName(V1alpha1Receiver receiver) {
        return receiver.getSpec().getSecretRef() == null ? TokenSecret.ownedName(receiver) : name(receiver);
    }

    WebhookPath path(V1alpha1Receiver receiver, Token token) throws ApiException {
        if (FunctionContract.isUnsigned(receiver.getSpec().getType())) {
            return new WebhookPath(token.webhookPath(receiver), true);
        }
        V1Secret secret = ensure(receiver, actual -> {
            if (actual != null) {
                return Map.of(PATH_KEY, storedPath(actual).orElseGet(() -> firstPath(receiver)));
            }
            // created with the rotation state TokenRotation would write next, in one request
            Map<String, String> data = new HashMap<>(RotationState.first(token.value(), TokenRotation.request(receiver)).data());
            data.put(PATH_KEY, firstPath(receiver));
            return data;
        });
        return new WebhookPath(storedPath(secret).orElseThrow(), false);
    }

    /** The Receiver's rotation memory, as the informer cache holds it. */
    RotationState rotationState(V1alpha1Receiver receiver) {
        V1Secret secret = secrets.cached(receiver, name(receiver));
        return RotationState.of(secret == null ? null : secret.getData());
    }

    /** A change of the rotation state and what it was before. */
    record RotationChange(RotationState before, RotationState after) {
    }

    /**
     * Changes the rotation state as read from the API server, not the cache: a decision taken
     * on a cache that lags behind the last write must not undo that write.
     */
    RotationChange updateRotationState(V1alpha1Receiver receiver, UnaryOperator<RotationState> change) throws ApiException {
        V1Secret fresh = secrets.read(receiver, name(receiver));
        RotationState before = RotationState.of(fresh == null ? null : fresh.getData());
        RotationState after = change.apply(before);
        if (!after.equals(before)) {
            ensure(receiver, fresh, actual -> after.data());
        }
        return new RotationChange(before, after);
    }

    /** Keeps the credential URL of a provider that cannot sign where its users read it. */
    void keepUrl(V1alpha1Receiver receiver, String url) throws ApiException {
        if (receiver.getSpec().getSecretRef() == null) {
            tokenSecret.keepUrl(receiver, url);
        } else {
            ensure(receiver, actual -> Map.of(FunctionContract.URL_KEY, url));
        }
    }

    /**
     * The path of a Receiver that has none stored yet: the one status already shows if it has
     * one (a Receiver provisioned before paths were kept here, whose hooks are registered with
     * it; or one whose webhook Secret was deleted), else 256 random bits.
     */
    private static String firstPath(V1alpha1Receiver receiver) {
        String shown = receiver.getStatus() == null ? null : receiver.getStatus().getWebhookPath();
        return shown != null && FunctionContract.WEBHOOK_PATH.matcher(shown).matches()
                ? shown : FunctionContract.HOOK_PATH_PREFIX + Token.random();
    }

    /** Creates or updates the Secret with these keys set, and every other key it has kept. */
    private V1Secret ensure(V1alpha1Receiver receiver, Function<V1Secret, Map<String, String>> wanted)
            throws ApiException {
        return ensure(receiver, secrets.cached(receiver, name(receiver)), wanted);
    }

    private V1Secret ensure(V1alpha1Receiver receiver, V1Secret current, Function<V1Secret, Map<String, String>> wanted)
            throws ApiException {
        String name = name(receiver);
        return secrets.ensure(receiver, name, current, actual -> {
            Map<String, byte[]> data = new LinkedHashMap<>();
            if (actual != null && actual.getData() != null) {
                data.putAll(actual.getData());
            }
            wanted.apply(actual).forEach((key, value) -> data.put(key, value.getBytes(StandardCharsets.UTF_8)));
            return new V1Secret().apiVersion("v1").kind("Secret").type("Opaque")
                    .metadata(Owners.metadata(receiver, name)).data(data);
        }).orElseThrow(() -> Problem.retried("SecretConflict", "Secret " + name
                + " belongs to another owner; delete it so that Hookrelay can keep the Receiver's webhook there"));
    }

    private static Optional<String> storedPath(V1Secret secret) {
        byte[] path = secret == null || secret.getData() == null ? null : secret.getData().get(PATH_KEY);
        String text = path == null ? null : new String(path, StandardCharsets.UTF_8);
        return Optional.ofNullable(text).filter(p -> FunctionContract.WEBHOOK_PATH.matcher(p).matches());
    }
}
