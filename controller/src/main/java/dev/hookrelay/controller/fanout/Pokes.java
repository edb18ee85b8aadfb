package dev.hookrelay.controller.fanout;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.controller.kube.ControllerName;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.PatchOptions;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.function.Predicate;

/**
 * How an object of each kind is asked to reconcile now, the first row that matches its kind:
 *
 * <table>
 * <tr><td>Flux (*.toolkit.fluxcd.io)</td><td>reconcile.fluxcd.io/requestedAt = the event time: Flux reconciles when it
 *     differs from status.lastHandledReconcileAt</td></tr>
 * <tr><td>Argo CD Application</td><td>argocd.argoproj.io/refresh = normal: Argo CD refreshes, then removes it</td></tr>
 * <tr><td>Kubeapps AppRepository</td><td>spec.resyncRequests + 1, as its refresh button does</td></tr>
 * <tr><td>anything else</td><td>hookrelay.fanout.annotation = the event time</td></tr>
 * </table>
 *
 * Setting an annotation needs no read, and setting the value it already has changes nothing.
 */
@Singleton
class Pokes {
    static final String FLUX_ANNOTATION = "reconcile.fluxcd.io/requestedAt";
    static final String ARGO_CD_ANNOTATION = "argocd.argoproj.io/refresh";
    private static final int RESYNC_ATTEMPTS = 5;

    /** One row: the kinds it is for and their annotation; its value is the event time unless fixed. */
    private record AnnotationPoke(Predicate<ApiKind> kinds, String annotation, @Nullable String fixedValue) {
    }

    private final ApiClient client;
    private final List<AnnotationPoke> annotations;

    Pokes(ApiClient client, FanoutSettings settings) {
        this.client = client;
        this.annotations = List.of(
                new AnnotationPoke(kind -> kind.group().endsWith(".toolkit.fluxcd.io"), FLUX_ANNOTATION, null),
                new AnnotationPoke(kind("argoproj.io", "Application"), ARGO_CD_ANNOTATION, "normal"),
                new AnnotationPoke(kind -> true, settings.getAnnotation(), null));
    }

    void poke(TargetObject object, Poke poke) throws ApiException {
        if (kind("kubeapps.com", "AppRepository").test(object.kind())) {
            resync(object);
            return;
        }
        AnnotationPoke row = annotations.stream().filter(a -> a.kinds().test(object.kind())).findFirst().orElseThrow();
        JsonObject values = new JsonObject();
        values.addProperty(row.annotation(), row.fixedValue() == null ? poke.requestedAt() : row.fixedValue());
        JsonObject metadata = new JsonObject();
        metadata.add("annotations", values);
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        mergePatch(object, patch);
    }

    /**
     * Kubeapps' AppRepository controller syncs when spec.resyncRequests changes. The increment
     * carries the resourceVersion it was read at, so two concurrent pokes both count.
     */
    private void resync(TargetObject object) throws ApiException {
        for (int attempt = 1; ; attempt++) {
            try {
                DynamicKubernetesObject current = api(object).get(object.namespace(), object.name()).throwsApiException()
                        .getObject();
                JsonObject spec = current.getRaw().getAsJsonObject("spec");
                JsonElement requests = spec == null ? null : spec.get("resyncRequests");
                JsonObject newSpec = new JsonObject();
                newSpec.addProperty("resyncRequests", (requests == null || requests.isJsonNull() ? 0 : requests.getAsLong()) + 1);
                JsonObject metadata = new JsonObject();
                metadata.addProperty("resourceVersion", current.getMetadata().getResourceVersion());
                JsonObject patch = new JsonObject();
                patch.add("metadata", metadata);
                patch.add("spec", newSpec);
                mergePatch(object, patch);
                return;
            } catch (ApiException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == RESYNC_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void mergePatch(TargetObject object, JsonObject patch) throws ApiException {
        api(object).patch(object.namespace(), object.name(), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                new V1Patch(patch.toString()), new PatchOptions().fieldManager(ControllerName.VALUE)).throwsApiException();
    }

    private DynamicKubernetesApi api(TargetObject object) {
        ApiKind kind = object.kind();
        return new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), client);
    }

    private static Predicate<ApiKind> kind(String group, String kind) {
        return k -> group.equals(k.group()) && kind.equals(k.kind());
    }
}
