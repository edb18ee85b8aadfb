package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The provisioning's part of a Receiver's status: observedGeneration, webhookPath, url,
 * secretName, tokenRotatedAt and the conditions Ready, Reconciling, Stalled and TokenRotation.
 * receiver-fn, the fan-out and the registration write the rest, which this never holds.
 */
record ProvisioningStatus(long observedGeneration, List<V1Condition> conditions, @Nullable String webhookPath,
                          @Nullable String url, @Nullable String secretName, @Nullable OffsetDateTime tokenRotatedAt) {
    static final String FIELD_MANAGER = "hookrelay-provisioning";
    static final Set<String> FIELDS = Set.of("observedGeneration", "webhookPath", "url", "secretName", "tokenRotatedAt");
    static final Set<String> CONDITION_TYPES = Set.of(ReceiverConditions.READY, ReceiverConditions.RECONCILING,
            ReceiverConditions.STALLED, ReceiverConditions.TOKEN_ROTATION);

    /** What writes these fields, only when one changed: server-side apply as {@value #FIELD_MANAGER}. */
    static StatusApply writer(ApiClient client) {
        return new StatusApply(client, "Receiver", HookrelayApi.RECEIVERS, FIELD_MANAGER, FIELDS, CONDITION_TYPES);
    }

    /**
     * The status the outcome calls for. The webhook path and URL are shown redacted where they
     * are the credential (providers that cannot sign): anyone who may read Receivers reads status.
     */
    static ProvisioningStatus of(V1alpha1Receiver receiver, Outcome outcome, @Nullable RotationState rotation,
                                 @Nullable String rotationMessage) {
        long generation = Conditions.generation(receiver);
        Token token = outcome.token();
        WebhookPath path = outcome.webhookPath();
        String webhookPath = path == null ? null : path.published();
        String url = outcome.serviceUrl() == null || path == null ? null : path.publishedUrl(outcome.serviceUrl());
        V1alpha1ReceiverStatus shown = receiver.getStatus();
        List<V1Condition> current = shown == null ? List.of() : shown.getConditions();
        List<V1Condition> conditions = new ArrayList<>(ReceiverConditions.of(outcome, generation, current));
        OffsetDateTime rotatedAt = rotation == null || rotation.rotatedAt() == null ? null
                : OffsetDateTime.ofInstant(rotation.rotatedAt(), ZoneOffset.UTC);
        if (rotatedAt != null) {
            conditions.add(ReceiverConditions.tokenRotation(rotation.hasPrevious(), rotationMessage, generation, current));
        } else if (ReceiverConditions.find(current, ReceiverConditions.TOKEN_ROTATION) != null) {
            // provisioning stopped before the rotation state was read: keep what was said
            conditions.add(ReceiverConditions.find(current, ReceiverConditions.TOKEN_ROTATION));
        }
        return new ProvisioningStatus(generation, List.copyOf(conditions), webhookPath, url,
                token == null ? null : token.secretName(),
                rotatedAt != null ? rotatedAt : shown == null ? null : shown.getTokenRotatedAt());
    }

    /** These fields as the Receiver shows them now. */
    static ProvisioningStatus shown(V1alpha1Receiver receiver) {
        V1alpha1ReceiverStatus status = receiver.getStatus();
        if (status == null) {
            return new ProvisioningStatus(0, List.of(), null, null, null, null);
        }
        return new ProvisioningStatus(status.getObservedGeneration() == null ? 0 : status.getObservedGeneration(),
                status.getConditions().stream().filter(c -> CONDITION_TYPES.contains(c.getType())).toList(),
                status.getWebhookPath(), status.getUrl(), status.getSecretName(), status.getTokenRotatedAt());
    }

    /** As the status model, for a server-side apply: an absent value is left out, which removes it. */
    V1alpha1ReceiverStatus toStatus() {
        return new V1alpha1ReceiverStatus().observedGeneration(observedGeneration).conditions(conditions)
                .webhookPath(webhookPath).url(url).secretName(secretName).tokenRotatedAt(tokenRotatedAt);
    }
}
