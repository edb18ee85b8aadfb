package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/** The fan-out's part of a Receiver's status: handledEventCount, pendingTargets and the TargetsPoked condition. */
final class FanoutStatus {
    static final String FIELD_MANAGER = "hookrelay-fanout";

    private FanoutStatus() {
    }

    /** What writes these fields, only when one changed: server-side apply as {@value #FIELD_MANAGER}. */
    static StatusApply writer(ApiClient client) {
        return new StatusApply(client, "Receiver", HookrelayApi.RECEIVERS, FIELD_MANAGER,
                Set.of("handledEventCount", "pendingTargets"), Set.of(Fanout.POKED));
    }

    /**
     * Targets poked up to {@code handled} events (never less than status shows), and those left
     * for the events after; a null result leaves the condition as it is.
     */
    static V1alpha1ReceiverStatus of(V1alpha1Receiver receiver, long handled, @Nullable V1alpha1PendingTargets left,
                                     @Nullable FanoutResult result) {
        V1alpha1ReceiverStatus current = receiver.getStatus() == null ? new V1alpha1ReceiverStatus() : receiver.getStatus();
        V1alpha1ReceiverStatus wanted = new V1alpha1ReceiverStatus().pendingTargets(left);
        if (handled > 0 || current.getHandledEventCount() > 0) {
            wanted.handledEventCount(Math.max(handled, current.getHandledEventCount()));
        }
        long generation = Conditions.generation(receiver);
        V1Condition condition = result == null ? Conditions.find(current.getConditions(), Fanout.POKED)
                : Conditions.next(current.getConditions(), Fanout.POKED, result.ok(), result.reason(), result.message(),
                        generation);
        return wanted.conditions(condition == null ? null : List.of(condition));
    }
}
