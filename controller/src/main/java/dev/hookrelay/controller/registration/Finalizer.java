package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The finalizer that keeps a Receiver until its webhook is deleted at the provider. Written
 * with the resourceVersion it was computed from, so another finalizer added meanwhile is kept.
 */
@Singleton
class Finalizer {
    static final String NAME = "hookrelay.dev/registration";

    private final ApiClient client;
    private final CustomObjectsApi api;

    Finalizer(ApiClient client) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
    }

    static boolean isOn(V1alpha1Receiver receiver) {
        List<String> finalizers = receiver.getMetadata().getFinalizers();
        return finalizers != null && finalizers.contains(NAME);
    }

    void add(V1alpha1Receiver receiver) throws ApiException {
        List<String> finalizers = new ArrayList<>(current(receiver));
        finalizers.add(NAME);
        write(receiver, finalizers);
    }

    void remove(V1alpha1Receiver receiver) throws ApiException {
        List<String> finalizers = new ArrayList<>(current(receiver));
        finalizers.remove(NAME);
        write(receiver, finalizers);
    }

    private static List<String> current(V1alpha1Receiver receiver) {
        return receiver.getMetadata().getFinalizers() == null ? List.of() : receiver.getMetadata().getFinalizers();
    }

    private void write(V1alpha1Receiver receiver, List<String> finalizers) throws ApiException {
        JsonArray list = new JsonArray();
        finalizers.forEach(list::add);
        JsonObject metadata = new JsonObject();
        metadata.add("finalizers", list);
        metadata.addProperty("resourceVersion", receiver.getMetadata().getResourceVersion());
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(HookrelayApi.GROUP, HookrelayApi.VERSION,
                        receiver.getMetadata().getNamespace(), HookrelayApi.RECEIVERS, receiver.getMetadata().getName(),
                        new V1Patch(patch.toString())).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
    }
}
