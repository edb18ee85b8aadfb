package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import org.junit.jupiter.api.Test;

/** On a cluster without Knative Serving the controller says so, and recovers by itself once it is installed. */
class KnativeServingNotInstalledTest {

    @Test
    void receiverSaysKnativeIsMissingAndBecomesReadyOnceItIsInstalled() {
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            TestNamespace namespace = TestNamespace.create(plane, "no-knative");
            Cluster cluster = new Cluster(plane, namespace.name());
            try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name())) {
                cluster.createReceiver("early");

                V1alpha1Receiver stalled = cluster.awaitReady("early", "False", "KnativeServingNotInstalled");
                assertEquals("Knative Serving is not installed: the API server does not serve services.serving.knative.dev/v1 "
                        + "(Knative Services); install Knative Serving and Hookrelay provisions the function by itself",
                        cluster.condition("early", "Ready").getMessage());
                assertEquals("True", cluster.condition("early", "Stalled").getStatus());
                assertNotNull(stalled.getStatus().getWebhookPath(), "the token and webhook path do not need Knative");

                plane.installKnativeServing();

                cluster.awaitReady("early", "False", "ServiceNotReady");
                cluster.markKnativeServiceReady("hookrelay-early");
                cluster.awaitReady("early", "True", "Succeeded");
            }
        }
    }
}
