package dev.hookrelay.controller.relay;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayStatus;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.Set;

/** Writes a Relay's status, which the relay follower alone writes, when it changed. */
@Singleton
class RelayStatusWriter {
    static final String FIELD_MANAGER = "hookrelay-relay";

    private final StatusApply status;

    RelayStatusWriter(ApiClient client) {
        this.status = new StatusApply(client, "Relay", HookrelayApi.RELAYS, FIELD_MANAGER,
                Set.of("observedGeneration", "hubEventCount", "handledEventCount", "pendingTargets", "lastEvent"),
                Set.of(RelayReconciler.HUB_REACHABLE, RelayReconciler.READY));
    }

    void write(V1alpha1Relay relay, V1alpha1RelayStatus wanted) throws ApiException {
        status.apply(relay, relay.getStatus(), wanted);
    }
}
