package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.Problem;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1TargetRef;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns an entry of spec.resources into the objects it names: one by name, or with name '*'
 * every object of the kind that carries all of matchLabels (every one when there are none).
 * The namespace defaults to the owner's; another one is refused unless configured, and so is
 * a kind not in hookrelay.fanout.allowed-kinds.
 */
@Singleton
class TargetResolver {
    /** Metadata is all a poke and a target filter need: the API server sends nothing else, whatever the objects hold. */
    private static final String METADATA_ONLY_LIST = "application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io";
    private static final String METADATA_ONLY = "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io";

    private final ApiKinds kinds;
    private final ApiClient client;
    private final boolean allowCrossNamespace;
    private final AllowedKinds allowedKinds;

    TargetResolver(ApiKinds kinds, ApiClient client, FanoutSettings settings) {
        this.kinds = kinds;
        this.client = client;
        this.allowCrossNamespace = settings.isAllowCrossNamespace();
        this.allowedKinds = new AllowedKinds(settings.getAllowedKinds());
    }

    /** Checks what can be checked without listing objects: the namespace and the kind. */
    ApiKind check(String ownerNamespace, V1alpha1TargetRef ref) throws ApiException {
        String namespace = namespaceOf(ownerNamespace, ref);
        if (!namespace.equals(ownerNamespace) && !allowCrossNamespace) {
            throw Problem.awaitingChange("CrossNamespaceRefused", ref.getKind() + " " + namespace + "/" + ref.getName()
                    + " is in another namespace than " + ownerNamespace + "; the controller pokes only its own namespace's"
                    + " objects unless hookrelay.fanout.allow-cross-namespace is true");
        }
        ApiKind kind = kinds.resolve(ref.getApiVersion(), ref.getKind());
        if (!allowedKinds.allows(kind)) {
            throw Problem.awaitingChange("KindNotAllowed", ref.getKind() + " of " + ref.getApiVersion() + " ("
                    + kind.resource() + ") is not a kind Hookrelay pokes; it pokes only " + allowedKinds
                    + ". Name one of those, or ask the controller's administrator to add it to"
                    + " hookrelay.fanout.allowed-kinds");
        }
        if (!kind.namespaced()) {
            throw Problem.awaitingChange("KindNotNamespaced", ref.getKind() + " of " + ref.getApiVersion()
                    + " is cluster-scoped; spec.resources may name only namespaced kinds");
        }
        return kind;
    }

    List<TargetObject> resolve(String ownerNamespace, V1alpha1TargetRef ref) throws ApiException {
        ApiKind kind = check(ownerNamespace, ref);
        String namespace = namespaceOf(ownerNamespace, ref);
        if (!V1alpha1TargetRef.ANY_NAME.equals(ref.getName())) {
            return List.of(ref.getFilter() == null ? new TargetObject(kind, namespace, ref.getName())
                    : read(kind, namespace, ref.getName()));
        }
        List<Pair> query = new ArrayList<>();
        if (!ref.getMatchLabels().isEmpty()) {
            query.add(new Pair("labelSelector", selector(ref.getMatchLabels())));
        }
        JsonObject list = metadataOnly(path(kind, namespace), query, METADATA_ONLY_LIST);
        List<TargetObject> objects = new ArrayList<>();
        for (JsonElement item : list.getAsJsonArray("items")) {
            V1ObjectMeta metadata = metadata(item.getAsJsonObject());
            objects.add(new TargetObject(kind, namespace, metadata.getName(), metadata));
        }
        return objects;
    }

    /** A named target with its metadata, for its filter. */
    private TargetObject read(ApiKind kind, String namespace, String name) throws ApiException {
        try {
            JsonObject object = metadataOnly(path(kind, namespace) + "/" + client.escapeString(name), List.of(), METADATA_ONLY);
            return new TargetObject(kind, namespace, name, metadata(object));
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                throw TargetProblems.notFound(new TargetObject(kind, namespace, name));
            }
            throw e;
        }
    }

    private String path(ApiKind kind, String namespace) {
        return (kind.group().isEmpty() ? "/api/" + kind.version() : "/apis/" + kind.group() + "/" + kind.version())
                + "/namespaces/" + client.escapeString(namespace) + "/" + kind.plural();
    }

    private JsonObject metadataOnly(String path, List<Pair> query, String accept) throws ApiException {
        Map<String, String> headers = new HashMap<>(Map.of("Accept", accept));
        return client.<JsonObject>execute(client.buildCall(client.getBasePath(), path, "GET", new ArrayList<>(query),
                new ArrayList<>(), null, headers, new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null),
                JsonObject.class).getData();
    }

    private V1ObjectMeta metadata(JsonObject object) {
        return client.getJSON().getGson().fromJson(object.getAsJsonObject("metadata"), V1ObjectMeta.class);
    }

    static String namespaceOf(String ownerNamespace, V1alpha1TargetRef ref) {
        return ref.getNamespace() == null || ref.getNamespace().isEmpty() ? ownerNamespace : ref.getNamespace();
    }

    private static String selector(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
