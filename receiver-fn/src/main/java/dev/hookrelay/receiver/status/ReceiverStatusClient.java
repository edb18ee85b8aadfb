package dev.hookrelay.receiver.status;

import com.google.gson.JsonObject;
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
 * ({@link dev.hookrelay.api.FunctionAccess}).
 */
@Singleton
class ReceiverStatusClient {
    private final ApiClient client;
    private final CustomObjectsApi api;
    private final ReceiverIdentity receiver;

    ReceiverStatusClient(ApiClient client, ReceiverIdentity receiver) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.receiver = receiver;
    }

    V1alpha1Receiver read() throws ApiException {
        return client.<V1alpha1Receiver>execute(api.getNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                HookrelayApi.VERSION, receiver.namespace(), HookrelayApi.RECEIVERS, receiver.name())
                .buildCall(null), V1alpha1Receiver.class).getData();
    }

    /**
     * A JSON merge patch of the event fields, with the resourceVersion the merge was computed
     * from as a precondition: a concurrent write makes it fail with 409 instead of losing data.
     */
    V1alpha1Receiver patchEvents(String resourceVersion, StatusMerge merge) throws ApiException {
        JsonObject status = new JsonObject();
        status.addProperty("eventCount", merge.eventCount());
        status.add("lastEvent", client.getJSON().getGson().toJsonTree(merge.lastEvent()));
        status.add("recentEvents", client.getJSON().getGson().toJsonTree(merge.recentEvents()));
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", resourceVersion);
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        patch.add("status", status);
        return PatchUtils.patch(V1alpha1Receiver.class,
                () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION,
                        receiver.namespace(), HookrelayApi.RECEIVERS, receiver.name(), new V1Patch(patch.toString()))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }
}
