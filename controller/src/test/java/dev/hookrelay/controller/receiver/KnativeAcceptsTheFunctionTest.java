package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.RunningController;
import dev.hookrelay.testing.KnativeValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Knative Serving's own admission code (the test control plane runs it as a webhook on every
 * Service written, see dev.hookrelay.testing.KnativeServingWebhook) accepts every Service the
 * controller generates, warns about nothing, and stores it defaulted; the function's pod passes
 * Pod Security's {@code restricted} level.
 */
@ExtendWith(RunningController.class)
class KnativeAcceptsTheFunctionTest {

    @Test
    void everyShapeOfReceiverGetsAServiceKnativeAcceptsWithoutWarnings(Cluster cluster) {
        cluster.createSecret("byo-token", Map.of("token", "9".repeat(40)));
        Map<String, V1alpha1ReceiverSpec> shapes = Map.of(
                "signed", new V1alpha1ReceiverSpec().type("github").events(List.of("push", "ping")),
                "every-event", new V1alpha1ReceiverSpec().type("gitea"),
                "byo", new V1alpha1ReceiverSpec().type("gitlab").secretRef(new V1alpha1SecretRef().name("byo-token")),
                "unsigned", new V1alpha1ReceiverSpec().type("dockerhub"),
                "paused", new V1alpha1ReceiverSpec().type("harbor").suspend(true));
        shapes.forEach(cluster::createReceiver);

        for (String name : shapes.keySet()) {
            JsonObject stored = cluster.awaitKnativeService("hookrelay-" + name).getRaw();
            KnativeValidation.Result created = KnativeValidation.create(stored);
            assertEquals(List.of(), created.warnings(), name);
        }

        JsonObject before = cluster.knativeService("hookrelay-paused").getRaw();
        cluster.patchReceiver("paused", """
                {"spec": {"suspend": false}}""");
        cluster.awaitReady("paused", "False", "ServiceNotReady");
        KnativeValidation.Result updated = KnativeValidation.update(before, cluster.knativeService("hookrelay-paused").getRaw());
        assertEquals(List.of(), updated.warnings());
    }

    @Test
    void theServiceIsStoredAsKnativeDefaultsItAndTheControllerLeavesTheDefaultsAlone(Cluster cluster) {
        cluster.createReceiver("defaulted");
        cluster.awaitReady("defaulted", "False", "ServiceNotReady");

        JsonObject service = cluster.knativeService("hookrelay-defaulted").getRaw();

        JsonObject spec = service.getAsJsonObject("spec");
        JsonObject traffic = spec.getAsJsonArray("traffic").get(0).getAsJsonObject();
        assertTrue(traffic.get("latestRevision").getAsBoolean());
        assertEquals(100, traffic.get("percent").getAsInt());
        JsonObject podSpec = spec.getAsJsonObject("template").getAsJsonObject("spec");
        assertEquals(300, podSpec.get("timeoutSeconds").getAsInt());
        assertFalse(podSpec.get("enableServiceLinks").getAsBoolean());
        assertFalse(podSpec.has("hostAliases"), "no field Knative has not enabled, not even empty");
        JsonObject probe = podSpec.getAsJsonArray("containers").get(0).getAsJsonObject().getAsJsonObject("readinessProbe");
        assertEquals(1, probe.get("successThreshold").getAsInt());
        assertNotNull(service.getAsJsonObject("metadata").getAsJsonObject("annotations").get("serving.knative.dev/creator"));
        assertEquals(spec, KnativeValidation.create(service).defaulted().getAsJsonObject("spec"),
                "defaulting what Knative stored changes nothing");

        cluster.markKnativeServiceReady("hookrelay-defaulted");
        cluster.awaitReady("defaulted", "True", "Succeeded");
        assertEquals(1L, cluster.knativeService("hookrelay-defaulted").getMetadata().getGeneration(),
                "the controller never rewrote the spec Knative defaulted");
    }

    @Test
    void theFunctionsPodPassesPodSecurityRestricted(Cluster cluster) {
        cluster.createReceiver("restricted");
        cluster.awaitReady("restricted", "False", "ServiceNotReady");
        JsonObject podSpec = ReceiverProvisioningTest.template(cluster.knativeService("hookrelay-restricted"))
                .getAsJsonObject("spec").deepCopy();
        // fields of Knative's revision, not of a Pod; Knative points the readiness probe at its queue-proxy itself
        podSpec.remove("containerConcurrency");
        podSpec.remove("timeoutSeconds");
        JsonObject container = podSpec.getAsJsonArray("containers").get(0).getAsJsonObject();
        container.remove("readinessProbe");

        assertNull(cluster.podSecurityRestrictedRefusal(podSpec));

        container.remove("securityContext");
        String refusal = cluster.podSecurityRestrictedRefusal(podSpec);
        assertNotNull(refusal, "the check bites: without the securityContext the pod is refused");
        assertTrue(refusal.contains("restricted"), refusal);
    }
}
