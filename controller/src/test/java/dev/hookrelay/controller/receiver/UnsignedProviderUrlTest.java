package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.RunningController;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * dockerhub, quay and acr cannot sign: their URL is the credential. Status, which everyone who
 * may read Receivers reads, shows it redacted; the URL is in a Secret; the path changes with the token.
 */
@ExtendWith(RunningController.class)
class UnsignedProviderUrlTest {

    @Test
    void urlIsInTheReceiversOwnSecretAndRedactedInStatus(Cluster cluster) {
        cluster.createReceiver("hub", new V1alpha1ReceiverSpec().type("dockerhub"));
        V1alpha1Receiver waiting = cluster.awaitReady("hub", "False", "ServiceNotReady");
        assertEquals("/hook/REDACTED", waiting.getStatus().getWebhookPath());

        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-hub");

        V1alpha1Receiver ready = cluster.awaitReady("hub", "True", "Succeeded");
        assertEquals(knativeUrl + "/hook/REDACTED", ready.getStatus().getUrl());
        String token = text(cluster.secret("hookrelay-token-hub"), "token");
        String path = FunctionContract.webhookPath(token, "hub", cluster.namespace());
        assertEquals(knativeUrl + path, Eventually.await("the URL in the Secret", Cluster.TIMEOUT,
                () -> text(cluster.secret("hookrelay-token-hub"), "url")));
        assertEquals("Knative Service hookrelay-hub serves the webhook; its URL is the only credential of a dockerhub "
                + "webhook, so status shows it redacted: register the key `url` of Secret hookrelay-token-hub at the "
                + "provider", cluster.condition("hub", "Ready").getMessage());
        assertFalse(cluster.knativeService("hookrelay-hub").getRaw().toString().contains(path),
                "the path is in no field of the Knative Service: the function derives it from its token");
        assertFalse(cluster.eventsAbout("hub").stream().anyMatch(e -> e.getMessage().contains(path)));
    }

    @Test
    void withASecretOfTheUsersTheUrlIsInHookrelaysWebhookSecretAndTheUsersIsNotWritten(Cluster cluster) {
        cluster.createSecret("quay-token", Map.of("token", "f".repeat(40)));
        String resourceVersion = cluster.secret("quay-token").getMetadata().getResourceVersion();
        cluster.createReceiver("registry", new V1alpha1ReceiverSpec().type("quay")
                .secretRef(new V1alpha1SecretRef().name("quay-token")));
        cluster.awaitReady("registry", "False", "ServiceNotReady");

        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-registry");

        cluster.awaitReady("registry", "True", "Succeeded");
        String path = FunctionContract.webhookPath("f".repeat(40), "registry", cluster.namespace());
        assertEquals(knativeUrl + path, Eventually.await("the URL in the webhook Secret", Cluster.TIMEOUT,
                () -> text(cluster.secret("hookrelay-webhook-registry"), "url")));
        ReceiverProvisioningTest.assertControlledBy(cluster.receiver("registry"), cluster.secret("hookrelay-webhook-registry"));
        assertEquals(resourceVersion, cluster.secret("quay-token").getMetadata().getResourceVersion(), "never written");
        assertTrue(cluster.condition("registry", "Ready").getMessage().contains("Secret hookrelay-webhook-registry"));
    }

    @Test
    void rotatingTheTokenChangesThePathForAnUnsignedProvider(Cluster cluster) {
        cluster.createReceiver("acr", new V1alpha1ReceiverSpec().type("acr"));
        cluster.awaitReady("acr", "False", "ServiceNotReady");
        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-acr");
        cluster.awaitReady("acr", "True", "Succeeded");
        String before = Eventually.await("the URL in the Secret", Cluster.TIMEOUT,
                () -> text(cluster.secret("hookrelay-token-acr"), "url"));
        String newToken = "a1".repeat(32);

        cluster.replaceSecretData("hookrelay-token-acr", Map.of("token", newToken));

        cluster.awaitReady("acr", "False", "ServiceNotReady");
        cluster.markKnativeServiceReady("hookrelay-acr", knativeUrl);
        cluster.awaitReady("acr", "True", "Succeeded");
        String after = Eventually.await("the new URL in the Secret", Cluster.TIMEOUT,
                () -> text(cluster.secret("hookrelay-token-acr"), "url"));
        assertNotEquals(before, after);
        assertEquals(knativeUrl + FunctionContract.webhookPath(newToken, "acr", cluster.namespace()), after);
        JsonObject container = ReceiverProvisioningTest.template(cluster.knativeService("hookrelay-acr"))
                .getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject();
        assertFalse(ReceiverProvisioningTest.env(container).containsKey(FunctionContract.ENV_WEBHOOK_PATH));
    }

    private static String text(V1Secret secret, String key) {
        byte[] value = secret.getData() == null ? null : secret.getData().get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}
