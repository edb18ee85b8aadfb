package dev.hookrelay.controller.fanout;

import com.google.gson.Gson;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusSubresource;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the fan-out's part of a Receiver's status: handledEventCount, pendingTargets and the
 * TargetsPoked condition, and only when one changed. receiver-fn and the Receiver reconciler write the
 * same status, so the patch carries the resourceVersion it was computed from and is
 * recomputed from a fresh read on 409; the conditions of other types go back as read.
 */
@Singleton
class FanoutStatusWriter {
    private static final int ATTEMPTS = 5;

    private final StatusSubresource<V1alpha1Receiver> receivers;
    private final Gson gson;

    FanoutStatusWriter(ApiClient client) {
        this.receivers = new StatusSubresource<>(client, V1alpha1Receiver.class, HookrelayApi.RECEIVERS);
        this.gson = client.getJSON().getGson();
    }

    /**
     * Records that targets are poked up to {@code handled} events, and which are left for the
     * events after; a null result leaves the condition alone.
     */
    void write(V1alpha1Receiver cached, long handled, @Nullable V1alpha1PendingTargets left, @Nullable FanoutResult result)
            throws ApiException {
        V1alpha1Receiver receiver = cached;
        for (int attempt = 1; ; attempt++) {
            Optional<JsonObject> patch = patch(receiver, handled, left, result);
            if (patch.isEmpty()) {
                return;
            }
            try {
                receivers.mergePatch(receiver.getMetadata().getNamespace(), receiver.getMetadata().getName(), patch.get());
                return;
            } catch (ApiException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
                receiver = receivers.get(receiver.getMetadata().getNamespace(), receiver.getMetadata().getName());
            }
        }
    }

    private Optional<JsonObject> patch(V1alpha1Receiver receiver, long handled, @Nullable V1alpha1PendingTargets left,
                                       @Nullable FanoutResult result) {
        V1alpha1ReceiverStatus current = receiver.getStatus() == null ? new V1alpha1ReceiverStatus() : receiver.getStatus();
        JsonObject status = new JsonObject();
        if (handled > current.getHandledEventCount()) {
            status.addProperty("handledEventCount", handled);
        }
        if (!Objects.equals(left, current.getPendingTargets())) {
            // null removes the field in a merge patch
            status.add("pendingTargets", left == null ? JsonNull.INSTANCE : gson.toJsonTree(left));
        }
        if (result != null) {
            long generation = receiver.getMetadata().getGeneration() == null ? 0 : receiver.getMetadata().getGeneration();
            V1Condition condition = Conditions.next(current.getConditions(), FanoutReconciler.TARGETS_POKED, result.ok(),
                    result.reason(), result.message(), generation);
            if (!Conditions.isUnchanged(current.getConditions(), condition)) {
                status.add("conditions", gson.toJsonTree(Conditions.replacing(current.getConditions(), List.of(condition))));
            }
        }
        if (status.isEmpty()) {
            return Optional.empty();
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", receiver.getMetadata().getResourceVersion());
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        patch.add("status", status);
        return Optional.of(patch);
    }
}
