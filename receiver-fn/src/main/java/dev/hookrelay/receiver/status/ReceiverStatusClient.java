package dev.hookrelay.receiver.status;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.receiver.ReceiverIdentity;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import jakarta.inject.Singleton;

/**
 * Reads and patches the status of this function's own Receiver: the only object it may touch
 * ({@link dev.hookrelay.api.FunctionAccess}). Every request is counted in the metrics.
 */
@Singleton
class ReceiverStatusClient {
    private final ApiClient client;
    private final CustomObjectsApi api;
    private final ReceiverIdentity receiver;
    private final StatusMetrics metrics;

    ReceiverStatusClient(ApiClient client, ReceiverIdentity receiver, StatusMetrics metrics) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.receiver = receiver;
        this.metrics = metrics;
    }

    Gson gson() {
        return client.getJSON().getGson();
    }

    V1alpha1Receiver read() throws ApiException {
        try {
            V1alpha1Receiver read = client.<V1alpha1Receiver>execute(api.getNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                    HookrelayApi.VERSION, receiver.namespace(), HookrelayApi.RECEIVERS, receiver.name())
                    .buildCall(null), V1alpha1Receiver.class).getData();
            metrics.request("GET", 200);
            return read;
        } catch (ApiException e) {
            metrics.request("GET", e.getCode());
            throw e;
        }
    }

    /** Applies a JSON Patch ({@link StatusPatch}) to the status and returns the Receiver as written. */
    V1alpha1Receiver patch(JsonArray operations) throws ApiException {
        try {
            V1alpha1Receiver written = PatchUtils.patch(V1alpha1Receiver.class,
                    () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION,
                            receiver.namespace(), HookrelayApi.RECEIVERS, receiver.name(), new V1Patch(operations.toString()))
                            .buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_PATCH, client);
            metrics.request("PATCH", 200);
            metrics.wrote();
            return written;
        } catch (ApiException e) {
            metrics.request("PATCH", e.getCode());
            throw e;
        }
    }
}
