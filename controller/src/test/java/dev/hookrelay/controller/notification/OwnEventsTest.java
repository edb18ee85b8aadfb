package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hookrelay's own events reach Alerts that name Receivers and Relays: a recorded delivery
 * (written into the Receiver's status as receiver-fn writes it), the targets the fan-out poked
 * or failed to poke, and a Relay that cannot reach its hub.
 */
@ExtendWith(ControlPlaneExtension.class)
class OwnEventsTest {

    @Test
    void deliveriesPokesAndRelayProblemsAreSent(ControlPlane plane, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, ns)) {
            PokeTargets.installedOn(plane).create(PokeTargets.GIT_REPOSITORY, ns, "settings");
            alerting.providerWithAlert("own", "{type: generic, address: '" + hook.url() + "'}",
                    "{providerRef: {name: %s}, eventSources: [{kind: Receiver, name: '*'}, {kind: Relay, name: '*'}]}");
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Receiver
                    metadata: {name: app}
                    spec: {type: github, resources: [{apiVersion: source.toolkit.fluxcd.io/v1, kind: GitRepository, name: settings}]}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Receiver
                    metadata: {name: broken}
                    spec: {type: github, resources: [{apiVersion: source.toolkit.fluxcd.io/v1, kind: GitRepository, name: missing}]}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Relay
                    metadata: {name: edge}
                    spec: {hub: {kubeConfigSecretRef: {name: hub-kubeconfig}, namespace: hub, receiver: podinfo}}
                    """);
            Eventually.await("the Receivers in the controller's cache", Alerting.TIMEOUT,
                    () -> alerting.controller().bean(NotificationCaches.class).receivers().inNamespace(ns).size() == 2);

            recordDelivery(plane, ns, "app", "d-1");
            recordDelivery(plane, ns, "broken", "d-2");

            JsonObject delivery = awaitEvent(hook, "Receiver", "app", "DeliveryRecorded");
            assertEquals("info", delivery.get("severity").getAsString());
            assertEquals("github push to acme/app refs/heads/main at 6b1c3a1 by octocat", delivery.get("message").getAsString());
            JsonObject metadata = delivery.getAsJsonObject("metadata");
            assertEquals("d-1", metadata.get("deliveryId").getAsString());
            assertEquals("6b1c3a1", metadata.get("revision").getAsString());
            assertEquals("hookrelay-controller", delivery.get("reportingController").getAsString());
            assertEquals("info", awaitEvent(hook, "Receiver", "app", "TargetsPoked").get("severity").getAsString());
            assertEquals("error", awaitEvent(hook, "Receiver", "broken", "TargetNotFound").get("severity").getAsString());
            assertEquals("error", awaitEvent(hook, "Relay", "edge", "SecretNotFound").get("severity").getAsString());
        }
    }

    /** Writes one delivery into the Receiver's status, as receiver-fn records it. */
    private static void recordDelivery(ControlPlane plane, String namespace, String receiver, String id) throws Exception {
        String delivery = """
                {"id": "%s", "type": "push", "provider": "github", "receivedAt": "2026-11-30T12:00:00Z",
                 "repository": "acme/%s", "ref": "refs/heads/main", "revision": "6b1c3a1", "sender": "octocat"}"""
                .formatted(id, receiver);
        String patch = "{\"status\": {\"eventCount\": 1, \"lastEvent\": " + delivery + ", \"recentEvents\": [" + delivery + "]}}";
        CustomObjectsApi api = new CustomObjectsApi(plane.adminClient());
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus("hookrelay.dev", "v1alpha1", namespace,
                "receivers", receiver, new V1Patch(patch)).buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                plane.adminClient());
    }

    private static JsonObject awaitEvent(StandIn hook, String kind, String name, String reason) {
        return Eventually.await(reason + " of " + kind + " " + name, Alerting.TIMEOUT, () -> hook.requests().stream()
                .map(r -> r.json().getAsJsonObject())
                .filter(e -> kind.equals(e.getAsJsonObject("involvedObject").get("kind").getAsString())
                        && name.equals(e.getAsJsonObject("involvedObject").get("name").getAsString())
                        && reason.equals(e.get("reason").getAsString()))
                .findFirst().orElse(null));
    }
}
