package dev.hookrelay.controller.install;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.ShippedRbac;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller as knative/ installs it: its own ServiceAccount's token, exactly the rights of
 * the shipped ClusterRole, and leader election with the shipped Role in hookrelay-system.
 */
@ExtendWith(ControlPlaneExtension.class)
class ControllerRbacTest {

    @Test
    void controllerWithTheShippedRbacElectsALeaderAndProvisionsAReceiver(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());

        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), Map.of(
                "hookrelay.controller.leader-election.enabled", true,
                "hookrelay.controller.leader-election.lease-namespace", ShippedRbac.NAMESPACE))) {
            cluster.createReceiver("least-privilege");
            cluster.markKnativeServiceReady("hookrelay-least-privilege");

            cluster.awaitReady("least-privilege", "True", "Succeeded");
        }
    }
}
