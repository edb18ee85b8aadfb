package dev.hookrelay.controller.install;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Kubectl;
import dev.hookrelay.testing.TestNamespace;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller as knative/ installs it: its own ServiceAccount's token, exactly the rights of
 * the shipped ClusterRole and leader-election Role, no admin and no impersonation.
 */
@ExtendWith(ControlPlaneExtension.class)
class ControllerRbacTest {

    @Test
    void controllerWithTheShippedRbacProvisionsAReceiver(ControlPlane plane, TestNamespace namespace) {
        // Only the RBAC: re-applying the CRDs under the other tests' running informers is not this test's business.
        Path base = ControlPlaneAssets.projectRoot().resolve("knative/base");
        new Kubectl(plane).run("apply", "--server-side", "-f", base.resolve("namespace.yaml").toString());
        new Kubectl(plane).run("apply", "--server-side", "-n", "hookrelay-system",
                "-f", base.resolve("controller-rbac.yaml").toString());
        String kubeconfig = plane.kubeconfigForServiceAccount("hookrelay-system", "hookrelay-controller").toString();
        Cluster cluster = new Cluster(plane, namespace.name());

        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), Map.of(
                "kubernetes.client.kube-config-path", kubeconfig,
                "hookrelay.controller.leader-election.lease-namespace", "hookrelay-system"))) {
            cluster.createReceiver("least-privilege");
            cluster.markKnativeServiceReady("hookrelay-least-privilege");

            cluster.awaitReady("least-privilege", "True", "Succeeded");
        }
    }
}
