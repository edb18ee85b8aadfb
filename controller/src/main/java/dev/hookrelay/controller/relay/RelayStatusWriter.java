package dev.hookrelay.controller.relay;

import com.google.gson.Gson;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayStatus;
import dev.hookrelay.controller.kube.StatusSubresource;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;

/** Writes a Relay's status, which the controller alone writes, when it changed. */
@Singleton
class RelayStatusWriter {
    private final StatusSubresource<V1alpha1Relay> relays;
    private final Gson gson;

    RelayStatusWriter(ApiClient client) {
        this.relays = new StatusSubresource<>(client, V1alpha1Relay.class, HookrelayApi.RELAYS);
        this.gson = client.getJSON().getGson();
    }

    void write(V1alpha1Relay relay, V1alpha1RelayStatus status) throws ApiException {
        JsonObject wanted = gson.toJsonTree(status).getAsJsonObject();
        if (relay.getStatus() != null && wanted.equals(gson.toJsonTree(relay.getStatus()))) {
            return;
        }
        if (!wanted.has("pendingTargets")) {
            wanted.add("pendingTargets", JsonNull.INSTANCE); // removes it, in a merge patch
        }
        JsonObject patch = new JsonObject();
        patch.add("status", wanted);
        relays.mergePatch(relay.getMetadata().getNamespace(), relay.getMetadata().getName(), patch);
    }
}
