package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;

/** Writes the provisioning's part of a Receiver's status ({@link ProvisioningStatus}), only when it changed. */
@Singleton
class ProvisioningStatusWriter {
    static final String FIELD_MANAGER = "hookrelay-provisioning";

    private final StatusApply status;
    private final ApiClient client;

    ProvisioningStatusWriter(ApiClient client) {
        this.client = client;
        this.status = new StatusApply(client, "Receiver", HookrelayApi.RECEIVERS, FIELD_MANAGER,
                ProvisioningStatus.FIELDS, ProvisioningStatus.CONDITION_TYPES);
    }

    /** Returns whether it wrote. */
    boolean write(V1alpha1Receiver receiver, ProvisioningStatus wanted) throws ApiException {
        return status.apply(receiver, receiver.getStatus(), wanted.toJson(client.getJSON().getGson()));
    }
}
