package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1TargetRef;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns an entry of spec.resources into the objects it names: one by name, or with name '*'
 * every object of the kind that carries all of matchLabels (every one when there are none).
 * The namespace defaults to the owner's; another one is refused unless configured.
 */
@Singleton
class TargetResolver {
    private final ApiKinds kinds;
    private final ApiClient client;
    private final boolean allowCrossNamespace;

    TargetResolver(ApiKinds kinds, ApiClient client, FanoutSettings settings) {
        this.kinds = kinds;
        this.client = client;
        this.allowCrossNamespace = settings.isAllowCrossNamespace();
    }

    /** Checks what can be checked without listing objects: the namespace and the kind. */
    ApiKind check(String ownerNamespace, V1alpha1TargetRef ref) throws TargetProblem, ApiException {
        String namespace = namespaceOf(ownerNamespace, ref);
        if (!namespace.equals(ownerNamespace) && !allowCrossNamespace) {
            throw TargetProblem.refused("CrossNamespaceRefused", ref.getKind() + " " + namespace + "/" + ref.getName()
                    + " is in another namespace than " + ownerNamespace + "; the controller pokes only its own namespace's"
                    + " objects unless hookrelay.fanout.allow-cross-namespace is true");
        }
        ApiKind kind = kinds.resolve(ref.getApiVersion(), ref.getKind());
        if (!kind.namespaced()) {
            throw TargetProblem.refused("KindNotNamespaced", ref.getKind() + " of " + ref.getApiVersion()
                    + " is cluster-scoped; spec.resources may name only namespaced kinds");
        }
        return kind;
    }

    List<TargetObject> resolve(String ownerNamespace, V1alpha1TargetRef ref) throws TargetProblem, ApiException {
        ApiKind kind = check(ownerNamespace, ref);
        String namespace = namespaceOf(ownerNamespace, ref);
        if (!V1alpha1TargetRef.ANY_NAME.equals(ref.getName())) {
            return List.of(ref.getFilter() == null ? new TargetObject(kind, namespace, ref.getName())
                    : read(kind, namespace, ref.getName()));
        }
        ListOptions options = new ListOptions();
        if (!ref.getMatchLabels().isEmpty()) {
            options.labelSelector(selector(ref.getMatchLabels()));
        }
        List<DynamicKubernetesObject> matching = new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), client)
                .list(namespace, options).throwsApiException().getObject().getItems();
        return matching.stream().map(o -> new TargetObject(kind, namespace, o.getMetadata().getName(), o.getMetadata()))
                .toList();
    }

    /** A named target with its metadata, for its filter. */
    private TargetObject read(ApiKind kind, String namespace, String name) throws TargetProblem, ApiException {
        TargetObject target = new TargetObject(kind, namespace, name);
        var found = new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), client).get(namespace, name);
        if (found.getHttpStatusCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            throw TargetProblem.notFound(target);
        }
        return new TargetObject(kind, namespace, name, found.throwsApiException().getObject().getMetadata());
    }

    private static String namespaceOf(String ownerNamespace, V1alpha1TargetRef ref) {
        return ref.getNamespace() == null || ref.getNamespace().isEmpty() ? ownerNamespace : ref.getNamespace();
    }

    private static String selector(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
