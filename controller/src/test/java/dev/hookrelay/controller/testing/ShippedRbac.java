package dev.hookrelay.controller.testing;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.Kubectl;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
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
}
