package dev.hookrelay.controller.notification;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1SinkRef;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResource;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;

/** Resolves a sinkRef, like Knative's sink resolver: the object's status.address.url. */
@Singleton
class Sinks {
    private final ApiClient client;
    private final CustomObjectsApi discovery;

    Sinks(ApiClient client) {
        this.client = client;
        this.discovery = new CustomObjectsApi(client);
    }

    String url(V1alpha1SinkRef sink, String defaultNamespace) {
        String namespace = sink.getNamespace() == null || sink.getNamespace().isEmpty() ? defaultNamespace : sink.getNamespace();
        String described = sink.getKind() + " " + namespace + "/" + sink.getName() + " (" + sink.getApiVersion() + ")";
        int slash = sink.getApiVersion().indexOf('/');
        if (slash < 0) {
            throw Problem.awaitingChange("SinkNotAddressable", described + " is a core kind, which has no status.address.url;"
                    + " name a Broker, Channel, Knative Service or other Addressable");
        }
        try {
            String plural = plural(sink.getApiVersion().substring(0, slash), sink.getApiVersion().substring(slash + 1),
                    sink.getKind(), described);
            var answer = new DynamicKubernetesApi(sink.getApiVersion().substring(0, slash),
                    sink.getApiVersion().substring(slash + 1), plural, client).get(namespace, sink.getName());
            if (answer.getHttpStatusCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw Problem.awaitingChange("SinkNotFound", described + " does not exist; create it or fix spec.sinkRef");
            }
            DynamicKubernetesObject object = answer.throwsApiException().getObject();
            String url = addressUrl(object.getRaw());
            if (url == null) {
                throw Problem.awaitingChange("SinkNotAddressable", described + " has no status.address.url yet;"
                        + " it is not Ready or not an Addressable");
            }
            return url;
        } catch (ApiException e) {
            throw Problem.awaitingChange("SinkNotFound", "cannot read " + described + ": the API server answered " + e.getCode()
                    + (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN ? "; grant the controller get on that kind" : ""));
        }
    }

    private String plural(String group, String version, String kind, String described) throws ApiException {
        try {
            for (V1APIResource resource : discovery.getAPIResources(group, version).execute().getResources()) {
                if (kind.equals(resource.getKind()) && !resource.getName().contains("/")) {
                    return resource.getName();
                }
            }
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
        throw Problem.awaitingChange("SinkNotFound", "the API server serves no kind of " + described
                + "; install its CRD (Knative Eventing for Brokers) or fix spec.sinkRef");
    }

    private static String addressUrl(JsonObject object) {
        JsonElement status = object.get("status");
        if (status == null || !status.isJsonObject()) {
            return null;
        }
        JsonElement address = status.getAsJsonObject().get("address");
        if (address == null || !address.isJsonObject()) {
            return null;
        }
        JsonElement url = address.getAsJsonObject().get("url");
        return url == null || !url.isJsonPrimitive() || url.getAsString().isEmpty() ? null : url.getAsString();
    }
}
