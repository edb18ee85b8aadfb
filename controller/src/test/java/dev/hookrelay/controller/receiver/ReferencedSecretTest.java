package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.controller.testing.RunningController;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Receiver with spec.secretRef uses that Secret as it is, and says what is wrong with it. */
@ExtendWith(RunningController.class)
class ReferencedSecretTest {

    @Test
    void missingSecretThenMissingKeyThenShortTokenAreEachReportedUntilFixed(Cluster cluster) {
        cluster.createReceiverWithSecret("gitlab", "podinfo-webhook");

        V1alpha1Receiver notFound = cluster.awaitReady("gitlab", "False", "SecretNotFound");
        assertEquals("Secret podinfo-webhook (spec.secretRef) does not exist in namespace " + cluster.namespace()
                + "; create it with a key `token` of at least 32 characters, or remove spec.secretRef to let Hookrelay "
                + "create one", cluster.condition("gitlab", "Ready").getMessage());
        assertStalled(notFound, "SecretNotFound");
        assertNull(notFound.getStatus().getWebhookPath());
        // Events are sent in the background, after the condition is written
        Eventually.await("Warning Event SecretNotFound", Cluster.TIMEOUT, () -> cluster.eventsAbout("gitlab").stream()
                .anyMatch(e -> "SecretNotFound".equals(e.getReason()) && "Warning".equals(e.getType())));

        cluster.createSecret("podinfo-webhook", Map.of("password", "x"));

        assertStalled(cluster.awaitReady("gitlab", "False", "TokenMissing"), "TokenMissing");
        assertEquals("Secret podinfo-webhook has no key `token`; add it or remove spec.secretRef to let Hookrelay "
                + "create one", cluster.condition("gitlab", "Ready").getMessage());

        cluster.replaceSecretData("podinfo-webhook", Map.of("token", "too-short"));

        assertStalled(cluster.awaitReady("gitlab", "False", "TokenTooShort"), "TokenTooShort");
        assertEquals("The token in Secret podinfo-webhook has 9 characters; Hookrelay needs at least 32: replace it "
                + "with a longer one, for example `openssl rand -hex 32`", cluster.condition("gitlab", "Ready").getMessage());

        String token = "0123456789abcdef".repeat(4);
        cluster.replaceSecretData("podinfo-webhook", Map.of("token", token + "\n"));

        V1alpha1Receiver provisioned = cluster.awaitReady("gitlab", "False", "ServiceNotReady");
        assertTrue(FunctionContract.WEBHOOK_PATH.matcher(provisioned.getStatus().getWebhookPath()).matches());
        assertEquals("podinfo-webhook", provisioned.getStatus().getSecretName());
        V1Condition stalled = cluster.condition("gitlab", "Stalled");
        assertEquals("False", stalled.getStatus());
    }

    @Test
    void referencedSecretIsUsedAsItIsAndItsRotationKeepsTheWebhookPath(Cluster cluster) {
        String token = "c".repeat(40);
        cluster.createSecret("shared-token", Map.of("token", token, "other", "kept"));
        String resourceVersion = cluster.secret("shared-token").getMetadata().getResourceVersion();
        cluster.createReceiverWithSecret("mirror", "shared-token");
        cluster.awaitReady("mirror", "False", "ServiceNotReady");
        cluster.markKnativeServiceReady("hookrelay-mirror");
        String path = cluster.awaitReady("mirror", "True", "Succeeded").getStatus().getWebhookPath();

        V1Secret untouched = cluster.secret("shared-token");
        assertEquals(resourceVersion, untouched.getMetadata().getResourceVersion(), "never modified");
        assertTrue(untouched.getMetadata().getOwnerReferences().isEmpty());

        String rotated = "d".repeat(40);
        cluster.replaceSecretData("shared-token", Map.of("token", rotated));

        V1alpha1Receiver rolling = cluster.awaitReady("mirror", "False", "ServiceNotReady");
        assertEquals(path, rolling.getStatus().getWebhookPath());
        assertEquals(DigestUtils.sha256Hex(rotated), ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-mirror")));
    }

    private static void assertStalled(V1alpha1Receiver receiver, String reason) {
        V1Condition stalled = receiver.getStatus().getConditions().stream()
                .filter(c -> "Stalled".equals(c.getType())).findFirst().orElseThrow();
        assertEquals("True", stalled.getStatus());
        assertEquals(reason, stalled.getReason());
    }
}
