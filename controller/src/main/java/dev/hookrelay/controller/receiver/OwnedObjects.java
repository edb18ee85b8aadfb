package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.controller.kube.ControllerName;
import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.EmptyFields;
import dev.hookrelay.controller.kube.JsonSubset;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.options.CreateOptions;
import io.kubernetes.client.util.generic.options.PatchOptions;
import java.net.HttpURLConnection;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Keeps objects of one kind that Receivers own as the controller wants them: creates what is
 * missing, and re-applies (server-side apply) what drifted. Reads come from the informer
 * cache, so a converged object costs no request at all.
 */
final class OwnedObjects<T extends KubernetesObject, L extends KubernetesListObject> {
    private static final int UNPROCESSABLE = 422;

    private final String kind;
    private final GenericKubernetesApi<T, L> api;
    private final Supplier<KubeCache<T>> cache;
    private final Gson gson;

    OwnedObjects(String kind, Class<T> type, Class<L> listType, String group, String version, String plural,
                 Supplier<KubeCache<T>> cache, ApiClient client) {
        this.kind = kind;
        this.api = new GenericKubernetesApi<>(type, listType, group, version, plural, client);
        this.cache = cache;
        this.gson = client.getJSON().getGson();
    }

    String kind() {
        return kind;
    }

    /** The object as the API server holds it now, or null: for a decision the cache may lag behind on. */
    T read(V1alpha1Receiver owner, String name) throws ApiException {
        KubernetesApiResponse<T> response = api.get(owner.getMetadata().getNamespace(), name);
        return response.getHttpStatusCode() == HttpURLConnection.HTTP_NOT_FOUND ? null : response.throwsApiException().getObject();
    }

    /** The object as the informer cache holds it, or null. */
    T cached(V1alpha1Receiver owner, String name) {
        return cache.get().get(owner.getMetadata().getNamespace(), name);
    }

    /**
     * Makes sure the object exists as {@code desired} describes it, given what exists (null if
     * nothing does), and returns it as it is now; empty when another owner controls the name.
     */
    Optional<T> ensure(V1alpha1Receiver owner, String name, UnaryOperator<T> desired) throws ApiException {
        return ensure(owner, name, cache.get().get(owner.getMetadata().getNamespace(), name), desired);
    }

    /** The same, given what exists as read from the API server rather than from the cache. */
    Optional<T> ensure(V1alpha1Receiver owner, String name, T actual, UnaryOperator<T> desired) throws ApiException {
        String namespace = owner.getMetadata().getNamespace();
        if (actual == null) {
            KubernetesApiResponse<T> created = api.create(desired.apply(null), new CreateOptions().fieldManager(ControllerName.VALUE));
            if (created.getHttpStatusCode() != HttpURLConnection.HTTP_CONFLICT) {
                return Optional.of(succeeded(created, name));
            }
            actual = api.get(namespace, name).throwsApiException().getObject();
        }
        if (Owners.isForeign(actual, owner)) {
            return Optional.empty();
        }
        T wanted = desired.apply(actual);
        return Optional.of(isUpToDate(actual, wanted, owner) ? actual : apply(wanted));
    }

    private T apply(T wanted) throws ApiException {
        return succeeded(api.patch(wanted.getMetadata().getNamespace(), wanted.getMetadata().getName(),
                        V1Patch.PATCH_FORMAT_APPLY_YAML, new V1Patch(json(wanted).toString()),
                        new PatchOptions().fieldManager(ControllerName.VALUE).force(true)),
                wanted.getMetadata().getName());
    }

    /**
     * The object written, or why not. A refusal of the object itself (its schema, or an admission
     * webhook such as Knative's) is reported in the Receiver's conditions with the API server's
     * words: it comes back on every retry until the controller's configuration changes.
     */
    private T succeeded(KubernetesApiResponse<T> response, String name) throws ApiException {
        int code = response.getHttpStatusCode();
        if ((code == HttpURLConnection.HTTP_BAD_REQUEST || code == UNPROCESSABLE) && response.getStatus() != null) {
            throw Problem.retried(kind.replace(" ", "") + "Refused", "The API server refused " + kind + " " + name + ": "
                    + response.getStatus().getMessage());
        }
        return response.throwsApiException().getObject();
    }

    boolean isUpToDate(T actual, T wanted, V1alpha1Receiver owner) {
        JsonObject actualJson = json(actual);
        JsonObject wantedJson = json(wanted);
        JsonElement actualMeta = actualJson.remove("metadata");
        JsonElement wantedMeta = wantedJson.remove("metadata");
        actualJson.remove("status");
        // items of a list carry no apiVersion and kind; they say nothing about drift anyway
        for (String identity : new String[] {"apiVersion", "kind"}) {
            actualJson.remove(identity);
            wantedJson.remove(identity);
        }
        return Owners.isControlledBy(actual, owner)
                && JsonSubset.contains(actualJson, wantedJson)
                && JsonSubset.contains(field(actualMeta, "labels"), field(wantedMeta, "labels"))
                && JsonSubset.contains(field(actualMeta, "annotations"), field(wantedMeta, "annotations"));
    }

    private JsonObject json(T object) {
        return EmptyFields.removed(gson.toJsonTree(object)).getAsJsonObject();
    }

    private static JsonElement field(JsonElement object, String name) {
        return object == null ? null : object.getAsJsonObject().get(name);
    }
}
