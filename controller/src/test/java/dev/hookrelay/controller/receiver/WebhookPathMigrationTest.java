package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Receiver provisioned when the path derived from the token keeps that path, and keeps it through rotations. */
@ExtendWith(ControlPlaneExtension.class)
class WebhookPathMigrationTest {

    @Test
    void receiverProvisionedBeforeStablePathsKeepsTheUrlItsHooksUse(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        // what the controller left before paths were independent of the token: its token Secret, the derived path in status
        String token = "0a".repeat(32);
        String legacyPath = FunctionContract.webhookPath(token, "legacy", namespace.name());
        cluster.createReceiver("legacy");
        cluster.createSecret("hookrelay-token-legacy", Map.of("token", token));
        cluster.patchReceiverStatus("legacy", """
                {"status": {"webhookPath": "%s", "secretName": "hookrelay-token-legacy"}}""".formatted(legacyPath));

        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name())) {
            assertEquals(legacyPath, cluster.awaitReady("legacy", "False", "ServiceNotReady").getStatus().getWebhookPath());
            assertEquals(legacyPath, new String(cluster.secret("hookrelay-webhook-legacy").getData().get("webhookPath"),
                    StandardCharsets.UTF_8));
            assertEquals(legacyPath, ReceiverProvisioningTest.env(container(cluster)).get(FunctionContract.ENV_WEBHOOK_PATH));
            String hashBefore = ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-legacy"));

            cluster.replaceSecretData("hookrelay-token-legacy", Map.of("token", "0b".repeat(32)));

            Eventually.await("the new token rolled out", Cluster.TIMEOUT, () ->
                    !hashBefore.equals(ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-legacy"))));
            assertEquals(legacyPath, cluster.receiver("legacy").getStatus().getWebhookPath());
            assertEquals(legacyPath, ReceiverProvisioningTest.env(container(cluster)).get(FunctionContract.ENV_WEBHOOK_PATH));
        }
    }

    private static JsonObject container(Cluster cluster) {
        return ReceiverProvisioningTest.template(cluster.knativeService("hookrelay-legacy"))
                .getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject();
    }
}
