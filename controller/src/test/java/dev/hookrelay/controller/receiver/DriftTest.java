package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.RunningController;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What someone deletes or edits by hand among a Receiver's objects comes back as the controller wants it. */
@ExtendWith(RunningController.class)
class DriftTest {

    @Test
    void deletedRoleIsRecreated(Cluster cluster) {
        String name = FunctionAccess.name("lost-role");
        cluster.createReceiver("lost-role");
        cluster.awaitReady("lost-role", "False", "ServiceNotReady");
        String uidBefore = cluster.role(name).getMetadata().getUid();

        cluster.deleteRole(name);

        V1Role recreated = Eventually.await("Role " + name + " recreated", Cluster.TIMEOUT, () -> {
            V1Role role = roleOrNull(cluster, name);
            return role != null && !uidBefore.equals(role.getMetadata().getUid()) ? role : null;
        });
        assertEquals(FunctionAccess.role("lost-role", cluster.namespace()).getRules(), recreated.getRules());
    }

    @Test
    void editedKnativeServiceIsRestoredAndKnativeDefaultsAreLeftAlone(Cluster cluster) {
        cluster.createReceiver("edited");
        cluster.awaitReady("edited", "False", "ServiceNotReady");

        cluster.patchKnativeService("hookrelay-edited", """
                [{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value": "evil:latest"},
                 {"op": "remove", "path": "/spec/template/spec/containers/0/env"}]""");

        DynamicKubernetesObject restored = Eventually.await("Knative Service restored", Cluster.TIMEOUT, () -> {
            DynamicKubernetesObject service = cluster.knativeService("hookrelay-edited");
            JsonObject container = container(service);
            return "ghcr.io/hookrelay/receiver-fn:latest".equals(container.get("image").getAsString())
                    && container.has("env") ? service : null;
        });
        assertEquals("false", ReceiverProvisioningTest.env(container(restored)).get(FunctionContract.ENV_SUSPENDED));
        assertEquals(300, ReceiverProvisioningTest.template(restored).getAsJsonObject("spec").get("timeoutSeconds").getAsInt(),
                "what Knative's webhook defaulted is not drift");
        assertEquals(100, restored.getRaw().getAsJsonObject("spec").getAsJsonArray("traffic").get(0).getAsJsonObject()
                .get("percent").getAsInt());
    }

    @Test
    void deletedTokenSecretGetsANewTokenButTheWebhookPathStays(Cluster cluster) {
        cluster.createReceiver("lost-secret");
        V1alpha1Receiver before = cluster.awaitReady("lost-secret", "False", "ServiceNotReady");
        String hashBefore = ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-lost-secret"));

        cluster.deleteSecret("hookrelay-token-lost-secret");

        Eventually.await("a new token rolled out", Cluster.TIMEOUT, () ->
                !hashBefore.equals(ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-lost-secret"))));
        String token = new String(cluster.secret("hookrelay-token-lost-secret").getData().get("token"), StandardCharsets.UTF_8);
        assertEquals(DigestUtils.sha256Hex(token), ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-lost-secret")));
        assertEquals(before.getStatus().getWebhookPath(), cluster.receiver("lost-secret").getStatus().getWebhookPath());
    }

    @Test
    void deletedWebhookSecretIsRecreatedWithTheSamePath(Cluster cluster) {
        cluster.createReceiver("lost-path");
        V1alpha1Receiver before = cluster.awaitReady("lost-path", "False", "ServiceNotReady");
        String uidBefore = cluster.secret("hookrelay-webhook-lost-path").getMetadata().getUid();

        cluster.deleteSecret("hookrelay-webhook-lost-path");

        V1Secret recreated = Eventually.await("webhook Secret recreated", Cluster.TIMEOUT, () -> {
            V1Secret secret = secretOrNull(cluster, "hookrelay-webhook-lost-path");
            return secret != null && !uidBefore.equals(secret.getMetadata().getUid()) ? secret : null;
        });
        assertEquals(before.getStatus().getWebhookPath(), new String(recreated.getData().get("webhookPath"), StandardCharsets.UTF_8),
                "taken back from status, where the path that providers know still shows");
        assertEquals(before.getStatus().getWebhookPath(), cluster.receiver("lost-path").getStatus().getWebhookPath());
    }

    @Test
    void statusFieldsTheControllerOwnsAreRestoredWhenOverwritten(Cluster cluster) {
        cluster.createReceiver("overwritten");
        V1alpha1Receiver before = cluster.awaitReady("overwritten", "False", "ServiceNotReady");

        cluster.patchReceiverStatus("overwritten", """
                {"status": {"webhookPath": "/hook/forged", "secretName": "other"}}""");

        Eventually.await("status restored", Cluster.TIMEOUT, () ->
                before.getStatus().getWebhookPath().equals(cluster.receiver("overwritten").getStatus().getWebhookPath()));
        assertNotEquals("other", cluster.receiver("overwritten").getStatus().getSecretName());
    }

    private static V1Secret secretOrNull(Cluster cluster, String name) {
        try {
            return cluster.secret(name);
        } catch (IllegalStateException notFound) {
            return null;
        }
    }

    private static V1Role roleOrNull(Cluster cluster, String name) {
        try {
            return cluster.role(name);
        } catch (IllegalStateException notFound) {
            return null;
        }
    }

    private static JsonObject container(DynamicKubernetesObject service) {
        return ReceiverProvisioningTest.template(service).getAsJsonObject("spec")
                .getAsJsonArray("containers").get(0).getAsJsonObject();
    }
}
