package dev.hookrelay.controller.kube;

import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;

/** Reads hookrelay.dev objects of one kind and merge-patches their status subresource. */
public final class StatusSubresource<T> {
    private final ApiClient client;
    private final CustomObjectsApi api;
    private final Class<T> type;
    private final String plural;

    public StatusSubresource(ApiClient client, Class<T> type, String plural) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.type = type;
        this.plural = plural;
    }

    public T get(String namespace, String name) throws ApiException {
        return client.<T>execute(api.getNamespacedCustomObject(HookrelayApi.GROUP, HookrelayApi.VERSION, namespace, plural,
                name).buildCall(null), type).getData();
    }

    public void mergePatch(String namespace, String name, JsonObject patch) throws ApiException {
        PatchUtils.patch(type, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION,
                        namespace, plural, name, new V1Patch(patch.toString())).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }
}
