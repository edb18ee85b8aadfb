package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Service that Knative refuses (here: the controller misconfigured) is reported on the Receiver in Knative's words. */
@ExtendWith(ControlPlaneExtension.class)
class KnativeRefusalTest {

    @Test
    void knativesRefusalIsTheReceiversStalledReason(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), Map.of(
                "hookrelay.controller.leader-election.enabled", false,
                "hookrelay.function.scale-to-zero-retention", "forever"))) {
            cluster.createReceiver("misconfigured");

            V1alpha1Receiver stalled = cluster.awaitReady("misconfigured", "False", "KnativeServiceRefused");

            assertEquals("The API server refused Knative Service hookrelay-misconfigured: admission webhook "
                    + "\"webhook.serving.knative.dev\" denied the request: validation failed: invalid value: forever: "
                    + "spec.template.metadata.annotations.autoscaling.knative.dev/scale-to-zero-pod-retention-period",
                    cluster.condition("misconfigured", "Ready").getMessage());
            assertEquals("True", cluster.condition("misconfigured", "Stalled").getStatus());
            assertNull(cluster.knativeService("hookrelay-misconfigured"));
            assertNull(stalled.getStatus().getUrl());
        }
    }
}
