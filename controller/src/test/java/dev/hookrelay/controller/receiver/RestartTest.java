package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Level-triggered and idempotent: a controller that starts over converged objects finds nothing
 * to write; among them Knative Services as Knative's webhook stored them, defaulted.
 */
@ExtendWith(ControlPlaneExtension.class)
class RestartTest {

    @Test
    void restartOfAConvergedControllerWritesNothing(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        try (ControllerInstance first = ControllerInstance.start(plane, namespace.name())) {
            cluster.createReceiver("ready");
            cluster.createReceiver("rolling-out");
            cluster.createReceiver("suspended", new V1alpha1ReceiverSpec().type("harbor").suspend(true));
            cluster.createSecret("own-token", Map.of("token", "e".repeat(48)));
            cluster.createReceiverWithSecret("referenced", "own-token");
            cluster.createReceiverWithSecret("broken", "no-such-secret");
            cluster.createReceiver("unsigned", new V1alpha1ReceiverSpec().type("quay"));
            cluster.awaitReady("ready", "False", "ServiceNotReady");
            cluster.awaitReady("unsigned", "False", "ServiceNotReady");
            cluster.markKnativeServiceReady("hookrelay-unsigned");
            cluster.awaitReady("unsigned", "True", "Succeeded");
            cluster.markKnativeServiceReady("hookrelay-ready");
            cluster.awaitReady("ready", "True", "Succeeded");
            cluster.awaitReady("rolling-out", "False", "ServiceNotReady");
            cluster.awaitReady("suspended", "False", "Suspended");
            cluster.awaitReady("referenced", "False", "ServiceNotReady");
            cluster.awaitReady("broken", "False", "SecretNotFound");
        }
        Map<String, String> before = cluster.resourceVersions();

        try (ControllerInstance restarted = ControllerInstance.start(plane, namespace.name())) {
            Eventually.await("every Receiver reconciled after the restart", Cluster.TIMEOUT, () -> restarted.reconciled() >= 6);

            assertEquals(List.of(), restarted.writes());
            assertEquals(before, cluster.resourceVersions());
        }
    }
}
