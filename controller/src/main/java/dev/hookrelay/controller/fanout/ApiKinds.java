package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds, through API discovery, which resource serves a kind. Kinds found are cached; a kind
 * not found is asked again on the next try, so installing its CRD later is noticed.
 */
@Singleton
class ApiKinds {
    private final CustomObjectsApi customObjects;
    private final CoreV1Api core;
    private final Map<String, ApiKind> found = new ConcurrentHashMap<>();

    ApiKinds(ApiClient client) {
        this.customObjects = new CustomObjectsApi(client);
        this.core = new CoreV1Api(client);
    }

    ApiKind resolve(String apiVersion, String kind) throws ApiException {
        String key = apiVersion + "/" + kind;
        ApiKind cached = found.get(key);
        if (cached != null) {
            return cached;
        }
        for (V1APIResource resource : discover(apiVersion, kind).getResources()) {
            if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                ApiKind resolved = of(apiVersion, resource);
                found.put(key, resolved);
                return resolved;
            }
        }
        throw kindNotFound(apiVersion, kind, "it serves " + apiVersion + " but no kind " + kind + " in it");
    }

    private V1APIResourceList discover(String apiVersion, String kind) throws ApiException {
        int slash = apiVersion.indexOf('/');
        try {
            return slash < 0
                    ? core.getAPIResources().execute()
                    : customObjects.getAPIResources(apiVersion.substring(0, slash), apiVersion.substring(slash + 1)).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw kindNotFound(apiVersion, kind, "it serves no " + apiVersion);
            }
            throw e;
        }
    }

    private static ApiKind of(String apiVersion, V1APIResource resource) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        return new ApiKind(group, version, resource.getKind(), resource.getName(), Boolean.TRUE.equals(resource.getNamespaced()));
    }

    private static Problem kindNotFound(String apiVersion, String kind, String detail) {
        return Problem.retried("KindNotFound", "The API server does not know kind " + kind + " of " + apiVersion
                + " (" + detail + "); install its CRD or fix spec.resources");
    }
}
