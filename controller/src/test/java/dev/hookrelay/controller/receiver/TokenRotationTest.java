package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.Sha256;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Rotation;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.FunctionRevision;
import dev.hookrelay.controller.testing.RunningController;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.KnativeValidation;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1Secret;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the controller does when a token rotates: the previous token goes to the function beside
 * the new one for the grace period (a new revision), the URL of a signing provider stays, status
 * and Events say what happens and until when, and the previous token is dropped at the end.
 */
@ExtendWith(RunningController.class)
class TokenRotationTest {
    private static final String OLD = "a0".repeat(32);
    private static final String NEW = "b1".repeat(32);

    @Test
    void aChangedTokenInTheUsersSecretKeepsThePreviousOneForTheGracePeriodAndTheUrl(Cluster cluster) {
        cluster.createSecret("users-token", Map.of("token", OLD));
        cluster.createReceiver("users", new V1alpha1ReceiverSpec().type("github")
                .secretRef(new V1alpha1SecretRef().name("users-token")).rotation(new V1alpha1Rotation().gracePeriod("2h")));
        String knativeUrl = readyAt(cluster, "users");
        String url = cluster.receiver("users").getStatus().getUrl();
        assertEquals(null, cluster.receiver("users").getStatus().getTokenRotatedAt(), "a first token is no rotation");
        assertEquals(null, cluster.condition("users", "TokenRotation"));
        long generation = cluster.knativeService("hookrelay-users").getMetadata().getGeneration();

        cluster.replaceSecretData("users-token", Map.of("token", NEW));

        V1alpha1Receiver rotated = Eventually.await("the rotation noticed", Cluster.TIMEOUT, () -> {
            V1alpha1Receiver receiver = cluster.receiver("users");
            return receiver.getStatus().getTokenRotatedAt() != null ? receiver : null;
        });
        V1Condition condition = cluster.condition("users", "TokenRotation");
        assertEquals("True", condition.getStatus());
        assertEquals("PreviousTokenValid", condition.getReason());
        OffsetDateTime expires = rotated.getStatus().getTokenRotatedAt().plusHours(2);
        assertTrue(condition.getMessage().endsWith("the previous one keeps verifying until " + expires.toInstant()
                .atOffset(java.time.ZoneOffset.UTC)), condition.getMessage());
        assertEquals(OLD, text(cluster.secret("hookrelay-webhook-users"), FunctionContract.PREVIOUS_TOKEN_KEY));
        CoreV1Event event = awaitEvent(cluster, "users", "TokenRotated");
        assertTrue(event.getMessage().contains("keeps verifying until"), event.getMessage());
        assertFalse(event.getMessage().contains(OLD) || event.getMessage().contains(NEW));
        assertFalse(condition.getMessage().contains(OLD) || condition.getMessage().contains(NEW));

        JsonObject container = container(cluster, "users");
        assertNotEquals(generation, cluster.knativeService("hookrelay-users").getMetadata().getGeneration(), "a new revision");
        Map<String, String> env = FunctionRevision.env(container);
        assertEquals(FunctionContract.PREVIOUS_TOKEN_FILE, env.get(FunctionContract.ENV_PREVIOUS_TOKEN_FILE));
        assertEquals(expires.toInstant(), OffsetDateTime.parse(env.get(FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT)).toInstant());
        assertTrue(container.toString().contains(FunctionContract.PREVIOUS_TOKEN_MOUNT_DIR));
        assertEquals(List.of(), KnativeValidation.create(cluster.knativeService("hookrelay-users").getRaw()).warnings(),
                "Knative accepts the template with the previous token, without warnings");

        cluster.markKnativeServiceReady("hookrelay-users", knativeUrl);
        assertEquals(url, cluster.awaitReady("users", "True", "Succeeded").getStatus().getUrl(), "the URL stays");
    }

    @Test
    void theAnnotationRotatesHookrelaysOwnTokenOncePerValue(Cluster cluster) {
        cluster.createReceiver("asked", new V1alpha1ReceiverSpec().type("github"));
        readyAt(cluster, "asked");
        String first = text(cluster.secret("hookrelay-token-asked"), "token");

        cluster.patchReceiver("asked", "{\"metadata\":{\"annotations\":{\"hookrelay.dev/rotate-token\":\"1\"}}}");

        String second = Eventually.await("a new token", Cluster.TIMEOUT, () -> {
            String now = text(cluster.secret("hookrelay-token-asked"), "token");
            return now.equals(first) ? null : now;
        });
        assertEquals(64, second.length());
        Eventually.await("the previous token kept for the function", Cluster.TIMEOUT,
                () -> first.equals(text(cluster.secret("hookrelay-webhook-asked"), FunctionContract.PREVIOUS_TOKEN_KEY)));
        awaitEvent(cluster, "asked", "TokenRotated");

        // marking the Service ready before it carries the new token would mark the revision it replaces
        Eventually.await("the new token in the Knative Service", Cluster.TIMEOUT, () -> Sha256.hex(second)
                .equals(ReceiverProvisioningTest.tokenHash(cluster.knativeService("hookrelay-asked"))));
        cluster.patchReceiver("asked", "{\"metadata\":{\"labels\":{\"touched\":\"yes\"}}}");
        cluster.markKnativeServiceReady("hookrelay-asked");
        cluster.awaitReady("asked", "True", "Succeeded");
        assertEquals(second, text(cluster.secret("hookrelay-token-asked"), "token"), "the same value asks nothing new");
    }

    @Test
    void thePreviousTokenIsDroppedWhenTheGracePeriodEnds(Cluster cluster) {
        cluster.createSecret("short-token", Map.of("token", OLD));
        cluster.createReceiver("short", new V1alpha1ReceiverSpec().type("gitlab")
                .secretRef(new V1alpha1SecretRef().name("short-token")).rotation(new V1alpha1Rotation().gracePeriod("3s")));
        readyAt(cluster, "short");

        cluster.replaceSecretData("short-token", Map.of("token", NEW));

        awaitEvent(cluster, "short", "TokenRotated");
        CoreV1Event dropped = awaitEvent(cluster, "short", "PreviousTokenDropped");
        assertTrue(dropped.getMessage().contains("its grace period ended at"), dropped.getMessage());
        V1Condition condition = Eventually.await("TokenRotation False", Cluster.TIMEOUT, () -> {
            V1Condition c = cluster.condition("short", "TokenRotation");
            return c != null && "False".equals(c.getStatus()) ? c : null;
        });
        assertEquals("SingleToken", condition.getReason());
        Eventually.await("the previous token no longer in the template", Cluster.TIMEOUT,
                () -> !FunctionRevision.env(container(cluster, "short")).containsKey(FunctionContract.ENV_PREVIOUS_TOKEN_FILE));
        assertEquals(null, text(cluster.secret("hookrelay-webhook-short"), FunctionContract.PREVIOUS_TOKEN_KEY));
    }

    @Test
    void aGracePeriodOfZeroGivesTheFunctionOnlyTheNewToken(Cluster cluster) {
        cluster.createSecret("zero-token", Map.of("token", OLD));
        cluster.createReceiver("zero", new V1alpha1ReceiverSpec().type("github")
                .secretRef(new V1alpha1SecretRef().name("zero-token")).rotation(new V1alpha1Rotation().gracePeriod("0s")));
        readyAt(cluster, "zero");

        cluster.replaceSecretData("zero-token", Map.of("token", NEW));

        awaitEvent(cluster, "zero", "TokenRotated");
        V1Condition condition = Eventually.await("TokenRotation", Cluster.TIMEOUT, () -> cluster.condition("zero", "TokenRotation"));
        assertEquals("False", condition.getStatus());
        assertFalse(FunctionRevision.env(container(cluster, "zero")).containsKey(FunctionContract.ENV_PREVIOUS_TOKEN_FILE));
    }

    @Test
    void theAnnotationOnAReceiverWithTheUsersSecretSaysWhatToDoInstead(Cluster cluster) {
        cluster.createSecret("own-token", Map.of("token", OLD));
        cluster.createReceiver("own", new V1alpha1ReceiverSpec().type("github")
                .secretRef(new V1alpha1SecretRef().name("own-token")));
        readyAt(cluster, "own");

        cluster.patchReceiver("own", "{\"metadata\":{\"annotations\":{\"hookrelay.dev/rotate-token\":\"now\"}}}");

        CoreV1Event warning = awaitEvent(cluster, "own", "RotationNotPossible");
        assertEquals("Warning", warning.getType());
        assertEquals("hookrelay.dev/rotate-token rotates only a token Hookrelay owns; change the key `token` of Secret"
                + " own-token instead", warning.getMessage());
        assertEquals(OLD, text(cluster.secret("own-token"), "token"));
    }

    @Test
    void everyRotatesHookrelaysOwnTokenPeriodically(Cluster cluster) {
        cluster.createReceiver("periodic", new V1alpha1ReceiverSpec().type("github")
                .rotation(new V1alpha1Rotation().every("3s").gracePeriod("1h")));
        readyAt(cluster, "periodic");
        String first = text(cluster.secret("hookrelay-token-periodic"), "token");

        String second = Eventually.await("a rotation after 3 s", Cluster.TIMEOUT, () -> {
            String now = text(cluster.secret("hookrelay-token-periodic"), "token");
            return now.equals(first) ? null : now;
        });

        assertNotNull(second);
        awaitEvent(cluster, "periodic", "TokenRotated");
        assertNotNull(Eventually.await("status.tokenRotatedAt", Cluster.TIMEOUT,
                () -> cluster.receiver("periodic").getStatus().getTokenRotatedAt()));
    }

    private static String readyAt(Cluster cluster, String name) {
        cluster.awaitReady(name, "False", "ServiceNotReady");
        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-" + name);
        cluster.awaitReady(name, "True", "Succeeded");
        return knativeUrl;
    }

    static JsonObject container(Cluster cluster, String name) {
        return ReceiverProvisioningTest.template(cluster.knativeService("hookrelay-" + name)).getAsJsonObject("spec")
                .getAsJsonArray("containers").get(0).getAsJsonObject();
    }

    static CoreV1Event awaitEvent(Cluster cluster, String name, String reason) {
        return Eventually.await("Event " + reason + " about " + name, Cluster.TIMEOUT, () -> cluster.eventsAbout(name)
                .stream().filter(e -> reason.equals(e.getReason())).findFirst().orElse(null));
    }

    private static String text(V1Secret secret, String key) {
        byte[] value = secret.getData() == null ? null : secret.getData().get(key);
        return value == null || value.length == 0 ? null : new String(value, StandardCharsets.UTF_8);
    }
}
