package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Level-triggered and idempotent: a controller that starts over converged objects finds nothing
 * to write; among them Knative Services as Knative's webhook stored them, defaulted. That the
 * restarted controller went over them shows through the API server: a Receiver created after
 * the restart, queued behind every one it found, is provisioned.
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
        List<String> receivers = List.of("ready", "rolling-out", "suspended", "referenced", "broken", "unsigned");
        Map<String, String> before = cluster.resourceVersions();
        Map<String, List<String>> eventsBefore = events(cluster, receivers);

        try (ControllerInstance restarted = ControllerInstance.start(plane, namespace.name())) {
            Eventually.await("the restarted controller listed the Receivers and watches them", Cluster.TIMEOUT,
                    () -> restarted.requests().stream().anyMatch(r -> r.path().endsWith("/receivers")
                            && r.query() != null && r.query().contains("watch=true")));
            cluster.createReceiver("after-restart");
            cluster.awaitReady("after-restart", "False", "ServiceNotReady");

            assertEquals(List.of(), restarted.writes().stream()
                    .filter(w -> !w.contains("after-restart") && !w.startsWith("POST ")).toList(),
                    "writes to what was converged");
            Map<String, String> after = cluster.resourceVersions();
            after.keySet().removeIf(key -> key.contains("after-restart"));
            assertEquals(before, after);
            assertEquals(eventsBefore, events(cluster, receivers));
        }
    }

    /** Each Receiver's Events, with how often each was counted. */
    private static Map<String, List<String>> events(Cluster cluster, List<String> receivers) {
        Map<String, List<String>> events = new TreeMap<>();
        receivers.forEach(name -> events.put(name, cluster.eventsAbout(name).stream()
                .map(e -> e.getReason() + " x" + e.getCount()).sorted().toList()));
        return events;
    }
}
