package dev.hookrelay.controller.fanout;

import com.google.gson.JsonObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;

/** Reads and merge-patches target objects of any kind, as the controller's field manager. */
final class ObjectPatches {
    static final String FIELD_MANAGER = "hookrelay-controller";

    private final ApiClient client;

    ObjectPatches(ApiClient client) {
        this.client = client;
    }

    /** Sets one annotation: no read needed, and setting the value it already has changes nothing. */
    void annotate(TargetObject target, String key, String value) throws ApiException {
        JsonObject annotations = new JsonObject();
        annotations.addProperty(key, value);
        JsonObject metadata = new JsonObject();
        metadata.add("annotations", annotations);
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        mergePatch(target, patch);
    }

    DynamicKubernetesObject get(TargetObject target) throws ApiException {
        return api(target).get(target.namespace(), target.name()).throwsApiException().getObject();
    }

    void mergePatch(TargetObject target, JsonObject patch) throws ApiException {
        api(target).patch(target.namespace(), target.name(), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                new V1Patch(patch.toString()), new PatchOptions().fieldManager(FIELD_MANAGER)).throwsApiException();
    }

    private DynamicKubernetesApi api(TargetObject target) {
        ApiKind kind = target.kind();
        return new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), client);
    }
}
