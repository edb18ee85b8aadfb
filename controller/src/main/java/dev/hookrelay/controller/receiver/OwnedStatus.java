package dev.hookrelay.controller.receiver;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The part of a Receiver's status the controller owns. receiver-fn and the fan-out write the
 * rest (event counts, last events), which this never touches.
 */
record OwnedStatus(@Nullable Long observedGeneration, List<V1Condition> conditions, @Nullable String webhookPath,
                   @Nullable String url, @Nullable String secretName, @Nullable OffsetDateTime tokenRotatedAt) {

    static OwnedStatus of(V1alpha1Receiver receiver) {
        V1alpha1ReceiverStatus status = receiver.getStatus();
        if (status == null) {
            return new OwnedStatus(null, List.of(), null, null, null, null);
        }
        return new OwnedStatus(status.getObservedGeneration(), status.getConditions(), status.getWebhookPath(),
                status.getUrl(), status.getSecretName(), status.getTokenRotatedAt());
    }

    /**
     * A JSON merge patch of /status with exactly these fields (an absent value removes the
     * field), valid only while the Receiver is still at this resourceVersion.
     */
    String mergePatch(Gson gson, String resourceVersion) {
        JsonObject status = new JsonObject();
        status.add("observedGeneration", observedGeneration == null ? JsonNull.INSTANCE : gson.toJsonTree(observedGeneration));
        status.add("conditions", gson.toJsonTree(conditions));
        status.add("webhookPath", orNull(webhookPath));
        status.add("url", orNull(url));
        status.add("secretName", orNull(secretName));
        status.add("tokenRotatedAt", tokenRotatedAt == null ? JsonNull.INSTANCE : gson.toJsonTree(tokenRotatedAt));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", resourceVersion);
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        patch.add("status", status);
        return patch.toString();
    }

    private static JsonElement orNull(String value) {
        return value == null ? JsonNull.INSTANCE : new JsonPrimitive(value);
    }
}
