package dev.hookrelay.controller.relay;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1HubRef;
import dev.hookrelay.api.V1alpha1KubeConfigSecretRef;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayList;
import dev.hookrelay.api.V1alpha1RelaySpec;
import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.Manifests;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A hub control plane with Receivers, and an edge one with Relays following them: the hub
 * side as its administrator sets it up (a follower identity, the shipped hub Role), the edge
 * side as its administrator does (the kubeconfig Secret, the Relay).
 */
final class HubAndEdge {
    private final ControlPlane hub;
    private final ControlPlane edge;
    private final String edgeNamespace;
    private final GenericKubernetesApi<V1alpha1Relay, V1alpha1RelayList> relays;

    HubAndEdge(ControlPlane hub, ControlPlane edge, String edgeNamespace) {
        this.hub = hub;
        this.edge = edge;
        this.edgeNamespace = edgeNamespace;
        this.relays = new GenericKubernetesApi<>(V1alpha1Relay.class, V1alpha1RelayList.class, HookrelayApi.GROUP,
                HookrelayApi.VERSION, HookrelayApi.RELAYS, edge.adminClient());
    }

    /**
     * A kubeconfig of a hub ServiceAccount with a real token: bound, in that namespace, to the
     * rules of the hub Role Hookrelay ships (knative/base/hub-role.yaml), or to nothing at all.
     */
    String followerKubeconfig(String hubNamespace, String account, boolean withHubRole) {
        call(() -> new CoreV1Api(hub.adminClient()).createNamespacedServiceAccount(hubNamespace,
                new V1ServiceAccount().metadata(new V1ObjectMeta().name(account))).execute());
        if (withHubRole) {
            RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(hub.adminClient());
            call(() -> rbac.createNamespacedRole(hubNamespace, new V1Role().metadata(new V1ObjectMeta().name(account))
                    .rules(shippedHubRules())).execute());
            call(() -> rbac.createNamespacedRoleBinding(hubNamespace, new V1RoleBinding()
                    .metadata(new V1ObjectMeta().name(account))
                    .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name(account))
                    .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name(account).namespace(hubNamespace))))
                    .execute());
        }
        try {
            return Files.readString(hub.kubeconfigForServiceAccount(hubNamespace, account));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void createSecret(String name, String kubeconfig) {
        call(() -> new CoreV1Api(edge.adminClient()).createNamespacedSecret(edgeNamespace, new V1Secret()
                .metadata(new V1ObjectMeta().name(name))
                .data(Map.of(V1alpha1KubeConfigSecretRef.DEFAULT_KEY, kubeconfig.getBytes(StandardCharsets.UTF_8))))
                .execute());
    }

    void createRelay(String name, String secret, String hubNamespace, String receiver, V1alpha1TargetRef... resources) {
        V1alpha1Relay relay = new V1alpha1Relay().metadata(new V1ObjectMeta().name(name).namespace(edgeNamespace))
                .spec(new V1alpha1RelaySpec().hub(hubRef(secret, hubNamespace, receiver)).resources(Arrays.asList(resources)));
        call(() -> relays.create(relay).throwsApiException().getObject());
    }

    static V1alpha1HubRef hubRef(String secret, String hubNamespace, String receiver) {
        return new V1alpha1HubRef().kubeConfigSecretRef(new V1alpha1KubeConfigSecretRef().name(secret))
                .namespace(hubNamespace).receiver(receiver);
    }

    void patchRelay(String name, String mergePatch) {
        call(() -> relays.patch(edgeNamespace, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                new V1Patch(mergePatch)).throwsApiException().getObject());
    }

    void deleteRelay(String name) {
        call(() -> relays.delete(edgeNamespace, name).throwsApiException());
    }

    V1alpha1Relay relay(String name) {
        return call(() -> relays.get(edgeNamespace, name).throwsApiException().getObject());
    }

    V1Condition condition(String relay, String type) {
        V1alpha1Relay current = relay(relay);
        return current.getStatus() == null ? null : current.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** Waits until the condition has this status and reason, and returns the Relay then. */
    V1alpha1Relay awaitCondition(String relay, String type, String status, String reason) {
        return awaitRelay(relay, type + "=" + status + " reason " + reason, current -> {
            V1Condition condition = current.getStatus() == null ? null : current.getStatus().getConditions().stream()
                    .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
            return condition != null && status.equals(condition.getStatus()) && reason.equals(condition.getReason());
        });
    }

    V1alpha1Relay awaitHandled(String relay, long count) {
        return awaitRelay(relay, "handledEventCount " + count,
                current -> current.getStatus() != null && current.getStatus().getHandledEventCount() == count);
    }

    private V1alpha1Relay awaitRelay(String relay, String what, Predicate<V1alpha1Relay> done) {
        return Eventually.await("Relay " + relay + " " + what, Cluster.TIMEOUT, () -> {
            V1alpha1Relay current = relay(relay);
            return done.test(current) ? current : null;
        });
    }

    List<CoreV1Event> eventsAbout(String relay) {
        return call(() -> new CoreV1Api(edge.adminClient()).listNamespacedEvent(edgeNamespace)
                .fieldSelector("involvedObject.name=" + relay + ",involvedObject.kind=Relay").execute().getItems());
    }

    private static List<V1PolicyRule> shippedHubRules() {
        Path file = ControlPlaneAssets.projectRoot().resolve("knative/base/hub-role.yaml");
        DynamicKubernetesObject role = Manifests.read(file).get(0);
        JsonObject raw = role.getRaw();
        return Arrays.asList(new Gson().fromJson(raw.get("rules"), V1PolicyRule[].class));
    }

    private static <T> T call(ApiCall<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new IllegalStateException("the API server answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T run() throws ApiException;
    }
}
