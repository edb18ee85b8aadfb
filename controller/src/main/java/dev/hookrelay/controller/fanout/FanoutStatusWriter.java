package dev.hookrelay.controller.fanout;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Writes the fan-out's part of a Receiver's status: handledEventCount, pendingTargets and the
 * TargetsPoked condition, only when one changed.
 */
@Singleton
class FanoutStatusWriter {
    static final String FIELD_MANAGER = "hookrelay-fanout";

    private final StatusApply status;
    private final Gson gson;

    FanoutStatusWriter(ApiClient client) {
        this.status = new StatusApply(client, "Receiver", HookrelayApi.RECEIVERS, FIELD_MANAGER,
                Set.of("handledEventCount", "pendingTargets"), Set.of(Fanout.POKED));
        this.gson = client.getJSON().getGson();
    }

    /**
     * Records that targets are poked up to {@code handled} events (never less than status shows),
     * and which are left for the events after; a null result leaves the condition as it is.
     */
    void write(V1alpha1Receiver receiver, long handled, @Nullable V1alpha1PendingTargets left, @Nullable FanoutResult result)
            throws ApiException {
        V1alpha1ReceiverStatus current = receiver.getStatus() == null ? new V1alpha1ReceiverStatus() : receiver.getStatus();
        JsonObject wanted = new JsonObject();
        if (handled > 0 || current.getHandledEventCount() > 0) {
            wanted.addProperty("handledEventCount", Math.max(handled, current.getHandledEventCount()));
        }
        if (left != null) {
            wanted.add("pendingTargets", gson.toJsonTree(left));
        }
        long generation = receiver.getMetadata().getGeneration() == null ? 0 : receiver.getMetadata().getGeneration();
        V1Condition condition = result == null ? Conditions.find(current.getConditions(), Fanout.POKED)
                : Conditions.next(current.getConditions(), Fanout.POKED, result.ok(), result.reason(), result.message(),
                        generation);
        if (condition != null) {
            JsonArray conditions = new JsonArray();
            conditions.add(gson.toJsonTree(condition));
            wanted.add("conditions", conditions);
        }
        status.apply(receiver, receiver.getStatus(), wanted);
    }
}
