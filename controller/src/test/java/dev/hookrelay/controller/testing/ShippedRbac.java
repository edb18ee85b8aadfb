package dev.hookrelay.controller.testing;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.Kubectl;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1ClusterRoleBinding;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The controller's identity as knative/ installs it: the hookrelay-controller ServiceAccount with
 * exactly the shipped ClusterRole, and the shipped leader-election Role in each namespace a test
 * controller keeps its Lease in. Tests run the controller with it, so the API server's audit log
 * shows which of the shipped rights it really uses.
 */
public final class ShippedRbac {
    public static final String NAMESPACE = "hookrelay-system";
    public static final String SERVICE_ACCOUNT = "hookrelay-controller";
    public static final String USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;
    public static final Path MANIFEST = ControlPlaneAssets.projectRoot().resolve("knative/base/controller-rbac.yaml");

    private static final Map<ControlPlane, Path> KUBECONFIGS = new HashMap<>();
    private static final Set<String> LEASE_NAMESPACES = new HashSet<>();

    private ShippedRbac() {
    }

    /** A kubeconfig with the controller ServiceAccount's own token, its Lease allowed in {@code leaseNamespace}. */
    public static synchronized Path controllerKubeconfig(ControlPlane plane, String leaseNamespace) {
        Kubectl kubectl = new Kubectl(plane);
        Path kubeconfig = KUBECONFIGS.computeIfAbsent(plane, p -> {
            kubectl.run("apply", "--server-side", "-f",
                    ControlPlaneAssets.projectRoot().resolve("knative/base/namespace.yaml").toString());
            kubectl.run("apply", "--server-side", "-n", NAMESPACE, "-f", MANIFEST.toString());
            return p.kubeconfigForServiceAccount(NAMESPACE, SERVICE_ACCOUNT);
        });
        if (LEASE_NAMESPACES.add(plane.url() + "/" + leaseNamespace)) {
            kubectl.run("apply", "--server-side", "-n", leaseNamespace, "-f", MANIFEST.toString());
        }
        return kubeconfig;
    }

    /**
     * What the README asks of a user who pokes a kind outside the shipped list: a ClusterRole with
     * get, list, watch and patch on it, bound to the controller.
     */
    public static void allowPoking(ControlPlane plane, String apiGroup, String resource) {
        String name = SERVICE_ACCOUNT + "-poke-" + resource;
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(plane.adminClient());
        createUnlessExists(() -> rbac.createClusterRole(new V1ClusterRole().metadata(new V1ObjectMeta().name(name))
                .rules(List.of(new V1PolicyRule().apiGroups(List.of(apiGroup)).resources(List.of(resource))
                        .verbs(List.of("get", "list", "watch", "patch"))))).execute());
        createUnlessExists(() -> rbac.createClusterRoleBinding(new V1ClusterRoleBinding()
                .metadata(new V1ObjectMeta().name(name))
                .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("ClusterRole").name(name))
                .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name(SERVICE_ACCOUNT).namespace(NAMESPACE))))
                .execute());
    }

    private interface Creation {
        void run() throws ApiException;
    }

    private static void createUnlessExists(Creation creation) {
        try {
            creation.run();
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
            }
        }
    }
}
