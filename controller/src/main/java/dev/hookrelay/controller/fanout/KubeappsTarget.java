package dev.hookrelay.controller.fanout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.net.HttpURLConnection;

/**
 * Kubeapps' AppRepository: its refresh button increments spec.resyncRequests, and the
 * AppRepository controller syncs the repository when that number changes. The increment
 * carries the resourceVersion it was read at, so two concurrent pokes both count.
 */
final class KubeappsTarget implements Target {
    private static final int ATTEMPTS = 5;

    private final ObjectPatches patches;

    KubeappsTarget(ObjectPatches patches) {
        this.patches = patches;
    }

    @Override
    public boolean handles(ApiKind kind) {
        return "kubeapps.com".equals(kind.group()) && "AppRepository".equals(kind.kind());
    }

    @Override
    public void poke(TargetObject object, Poke poke) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                patches.mergePatch(object, incremented(patches.get(object)));
                return;
            } catch (ApiException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static JsonObject incremented(DynamicKubernetesObject current) {
        JsonObject spec = current.getRaw().getAsJsonObject("spec");
        JsonElement requests = spec == null ? null : spec.get("resyncRequests");
        long count = requests == null || requests.isJsonNull() ? 0 : requests.getAsLong();
        JsonObject newSpec = new JsonObject();
        newSpec.addProperty("resyncRequests", count + 1);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", current.getMetadata().getResourceVersion());
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        patch.add("spec", newSpec);
        return patch;
    }
}
