package dev.hookrelay.controller.receiver;

import com.google.gson.Gson;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.util.PatchUtils;
import jakarta.inject.Singleton;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the controller's part of a Receiver's status, with a JSON merge patch of only those
 * fields, and only when one of them changed.
 */
@Singleton
class ReceiverStatusWriter {
    private final ApiClient client;
    private final CustomObjectsApi customObjects;
    private final Gson gson;

    ReceiverStatusWriter(ApiClient client) {
        this.client = client;
        this.customObjects = new CustomObjectsApi(client);
        this.gson = client.getJSON().getGson();
    }

    /**
     * The status the outcome calls for. The webhook path and URL are shown redacted where they
     * are the credential (providers that cannot sign): anyone who may read Receivers reads status.
     */
    static OwnedStatus statusFor(V1alpha1Receiver receiver, Outcome outcome, @Nullable RotationState rotation,
                                 @Nullable String rotationMessage) {
        long generation = receiver.getMetadata().getGeneration() == null ? 0 : receiver.getMetadata().getGeneration();
        Token token = outcome.token();
        WebhookPath path = outcome.webhookPath();
        String webhookPath = path == null ? null : path.published();
        String url = outcome.serviceUrl() == null || path == null ? null : path.publishedUrl(outcome.serviceUrl());
        List<V1Condition> current = OwnedStatus.of(receiver).conditions();
        List<V1Condition> owned = new ArrayList<>(ReceiverConditions.of(outcome, generation, current));
        OffsetDateTime rotatedAt = rotation == null || rotation.rotatedAt() == null ? null
                : OffsetDateTime.ofInstant(rotation.rotatedAt(), ZoneOffset.UTC);
        if (rotatedAt != null) {
            owned.add(ReceiverConditions.tokenRotation(rotation.hasPrevious(), rotationMessage, generation, current));
        }
        List<V1Condition> conditions = Conditions.replacing(current, owned);
        return new OwnedStatus(generation, conditions, webhookPath, url, token == null ? null : token.secretName(),
                rotatedAt != null ? rotatedAt : OwnedStatus.of(receiver).tokenRotatedAt());
    }

    /**
     * Returns whether it wrote. The resourceVersion it read is a precondition: the conditions
     * list goes out whole, so a write computed from a cache that lacks another writer's latest
     * condition fails with 409 and is retried, rather than dropping that condition.
     */
    boolean write(V1alpha1Receiver receiver, OwnedStatus status) throws ApiException {
        if (status.equals(OwnedStatus.of(receiver))) {
            return false;
        }
        V1Patch patch = new V1Patch(status.mergePatch(gson, receiver.getMetadata().getResourceVersion()));
        PatchUtils.patch(V1alpha1Receiver.class,
                () -> customObjects.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION,
                        receiver.getMetadata().getNamespace(), HookrelayApi.RECEIVERS, receiver.getMetadata().getName(),
                        patch).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        return true;
    }
}
