package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.ObjectNames;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.RunningController;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A Receiver without spec.secretRef gets its Secret, its function's access and its Knative Service. */
@ExtendWith(RunningController.class)
class ReceiverProvisioningTest {

    @Test
    void newReceiverGetsSecretAccessAndKnativeServiceOwnedByIt(Cluster cluster) {
        V1alpha1Receiver receiver = cluster.createReceiver("podinfo");

        V1alpha1Receiver waiting = cluster.awaitReady("podinfo", "False", "ServiceNotReady");
        String secretName = "hookrelay-token-podinfo";
        assertEquals(secretName, waiting.getStatus().getSecretName());
        V1Secret secret = cluster.secret(secretName);
        String token = new String(secret.getData().get("token"), StandardCharsets.UTF_8);
        assertTrue(token.matches("[0-9a-f]{64}"), "32 random bytes, hex-encoded");
        String webhookPath = waiting.getStatus().getWebhookPath();
        assertTrue(FunctionContract.WEBHOOK_PATH.matcher(webhookPath).matches(), webhookPath);
        assertNotEquals(FunctionContract.webhookPath(token, "podinfo", cluster.namespace()), webhookPath,
                "random, not derived from the token");
        assertEquals(webhookPath, new String(cluster.secret("hookrelay-webhook-podinfo").getData().get("webhookPath"),
                StandardCharsets.UTF_8), "kept in the Receiver's webhook Secret");
        assertControlledBy(receiver, cluster.secret("hookrelay-webhook-podinfo"));
        assertNull(waiting.getStatus().getUrl(), "no URL before Knative says the function is ready");
        assertCondition(waiting, "Reconciling", "True", "ServiceNotReady",
                "Waiting for Knative Service hookrelay-podinfo to become Ready");
        assertCondition(waiting, "Stalled", "False", "ServiceNotReady", null);
        assertControlledBy(receiver, secret);

        String accessName = FunctionAccess.name("podinfo");
        assertControlledBy(receiver, cluster.serviceAccount(accessName));
        assertEquals(FunctionAccess.role("podinfo", cluster.namespace()).getRules(), cluster.role(accessName).getRules());
        assertControlledBy(receiver, cluster.role(accessName));
        assertEquals(FunctionAccess.roleBinding("podinfo", cluster.namespace()).getSubjects(),
                cluster.roleBinding(accessName).getSubjects());
        assertEquals(FunctionAccess.roleBinding("podinfo", cluster.namespace()).getRoleRef(),
                cluster.roleBinding(accessName).getRoleRef());
        assertControlledBy(receiver, cluster.roleBinding(accessName));

        DynamicKubernetesObject service = cluster.knativeService("hookrelay-podinfo");
        assertControlledBy(receiver, service);
        JsonObject template = template(service);
        JsonObject annotations = template.getAsJsonObject("metadata").getAsJsonObject("annotations");
        assertEquals("0", annotations.get("autoscaling.knative.dev/min-scale").getAsString());
        assertEquals("1", annotations.get("autoscaling.knative.dev/max-scale").getAsString());
        assertEquals("100", annotations.get("autoscaling.knative.dev/target").getAsString());
        assertEquals("1m", annotations.get("autoscaling.knative.dev/scale-to-zero-pod-retention-period").getAsString());
        assertEquals(DigestUtils.sha256Hex(token), annotations.get("hookrelay.dev/token-sha256").getAsString());
        JsonObject podSpec = template.getAsJsonObject("spec");
        assertEquals(accessName, podSpec.get("serviceAccountName").getAsString());
        assertEquals(0, podSpec.get("containerConcurrency").getAsInt());
        JsonObject container = podSpec.getAsJsonArray("containers").get(0).getAsJsonObject();
        assertEquals("ghcr.io/hookrelay/receiver-fn:latest", container.get("image").getAsString());
        assertEquals(Map.of(
                FunctionContract.ENV_RECEIVER_NAME, "podinfo",
                FunctionContract.ENV_RECEIVER_NAMESPACE, cluster.namespace(),
                FunctionContract.ENV_RECEIVER_TYPE, "github",
                FunctionContract.ENV_RECEIVER_EVENTS, "push,ping",
                FunctionContract.ENV_SUSPENDED, "false",
                FunctionContract.ENV_TOKEN_FILE, FunctionContract.TOKEN_FILE,
                FunctionContract.ENV_WEBHOOK_PATH, webhookPath), env(container));
        assertEquals("/health", container.getAsJsonObject("readinessProbe").getAsJsonObject("httpGet").get("path").getAsString());
        assertEquals(FunctionContract.PORT, container.getAsJsonArray("ports").get(0).getAsJsonObject().get("containerPort").getAsInt());
        JsonObject resources = container.getAsJsonObject("resources");
        assertEquals("100m", resources.getAsJsonObject("requests").get("cpu").getAsString());
        assertEquals("128Mi", resources.getAsJsonObject("requests").get("memory").getAsString());
        assertEquals("256Mi", resources.getAsJsonObject("limits").get("memory").getAsString());
        JsonObject mount = container.getAsJsonArray("volumeMounts").get(0).getAsJsonObject();
        assertEquals(FunctionContract.TOKEN_MOUNT_DIR, mount.get("mountPath").getAsString());
        assertTrue(mount.get("readOnly").getAsBoolean());
        JsonObject volume = podSpec.getAsJsonArray("volumes").get(0).getAsJsonObject();
        assertEquals(mount.get("name"), volume.get("name"));
        assertEquals(secretName, volume.getAsJsonObject("secret").get("secretName").getAsString());

        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-podinfo");

        V1alpha1Receiver ready = cluster.awaitReady("podinfo", "True", "Succeeded");
        assertEquals(knativeUrl + waiting.getStatus().getWebhookPath(), ready.getStatus().getUrl());
        assertCondition(ready, "Reconciling", "False", "Succeeded", null);
        assertCondition(ready, "Stalled", "False", "Succeeded", null);
        assertEquals(ready.getMetadata().getGeneration(), ready.getStatus().getObservedGeneration());
    }

    @Test
    void statusWritesLeaveTheEventFieldsOfReceiverFnAlone(Cluster cluster) {
        cluster.createReceiver("counted");
        cluster.awaitReady("counted", "False", "ServiceNotReady");
        cluster.patchReceiverStatus("counted", """
                {"status": {"eventCount": 5, "handledEventCount": 4}}""");

        cluster.patchReceiver("counted", """
                {"spec": {"suspend": true}}""");

        V1alpha1Receiver suspended = cluster.awaitReady("counted", "False", "Suspended");
        assertEquals(5, suspended.getStatus().getEventCount());
        assertEquals(4, suspended.getStatus().getHandledEventCount());
    }

    @Test
    void suspendedReceiverSaysSoAndItsFunctionAnswers503(Cluster cluster) {
        cluster.createReceiver("paused");
        cluster.awaitReady("paused", "False", "ServiceNotReady");
        cluster.markKnativeServiceReady("hookrelay-paused");
        cluster.awaitReady("paused", "True", "Succeeded");

        cluster.patchReceiver("paused", """
                {"spec": {"suspend": true}}""");

        V1alpha1Receiver suspended = cluster.awaitReady("paused", "False", "Suspended");
        assertEquals("spec.suspend is true: the function answers 503 so that providers deliver again later; "
                + "set it to false to accept deliveries", cluster.condition("paused", "Ready").getMessage());
        assertCondition(suspended, "Reconciling", "False", "Suspended", null);
        assertCondition(suspended, "Stalled", "False", "Suspended", null);
        JsonObject container = template(cluster.knativeService("hookrelay-paused"))
                .getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject();
        assertEquals("true", env(container).get(FunctionContract.ENV_SUSPENDED));
        assertTrue(cluster.eventsAbout("paused").stream()
                .anyMatch(e -> "Suspended".equals(e.getReason()) && "Normal".equals(e.getType())));

        cluster.patchReceiver("paused", """
                {"spec": {"suspend": false}}""");
        cluster.awaitReady("paused", "False", "ServiceNotReady");
        cluster.markKnativeServiceReady("hookrelay-paused");
        cluster.awaitReady("paused", "True", "Succeeded");
    }

    @Test
    void rotatingTheTokenKeepsTheWebhookPathAndRollsANewRevision(Cluster cluster) {
        cluster.createReceiver("rotated");
        cluster.awaitReady("rotated", "False", "ServiceNotReady");
        cluster.markKnativeServiceReady("hookrelay-rotated");
        V1alpha1Receiver before = cluster.awaitReady("rotated", "True", "Succeeded");
        String hashBefore = tokenHash(cluster.knativeService("hookrelay-rotated"));
        String newToken = "b".repeat(64);

        cluster.replaceSecretData("hookrelay-token-rotated", Map.of("token", newToken));

        V1alpha1Receiver rolling = cluster.awaitReady("rotated", "False", "ServiceNotReady");
        assertEquals(before.getStatus().getWebhookPath(), rolling.getStatus().getWebhookPath());
        String hashAfter = tokenHash(cluster.knativeService("hookrelay-rotated"));
        assertEquals(DigestUtils.sha256Hex(newToken), hashAfter);
        assertFalse(hashAfter.equals(hashBefore), "a new revision template");
        String knativeUrl = cluster.markKnativeServiceReady("hookrelay-rotated");
        assertEquals(before.getStatus().getUrl(), cluster.awaitReady("rotated", "True", "Succeeded").getStatus().getUrl());
        assertEquals(knativeUrl + before.getStatus().getWebhookPath(), before.getStatus().getUrl());
    }

    @Test
    void longNameGetsAKnativeServiceNameThatIsAValidDnsLabel(Cluster cluster) {
        String name = "a-receiver-with-a-name-that-is-long-but-still-a-valid-label-x";
        cluster.createReceiver(name);

        cluster.awaitReady(name, "False", "ServiceNotReady");

        String serviceName = ObjectNames.derived("hookrelay-", name, 63);
        assertTrue(serviceName.matches("hookrelay-a-receiver-with-a-name-that-is-long-but-s[a-z-]*-[0-9a-f]{8}")
                && serviceName.length() <= 63, serviceName);
        assertNotNull(cluster.knativeService(serviceName), serviceName);
        cluster.markKnativeServiceReady(serviceName);
        cluster.awaitReady(name, "True", "Succeeded");
    }

    @Test
    void nameLongerThanALabelValueIsReportedNotProvisioned(Cluster cluster) {
        String name = "r".repeat(70);
        cluster.createReceiver(name);

        V1alpha1Receiver stalled = cluster.awaitReady(name, "False", "NameTooLong");

        assertEquals("The Receiver's name has 70 characters; its function's objects carry it in a label, which allows at "
                + "most 63; recreate the Receiver with a shorter name", cluster.condition(name, "Ready").getMessage());
        assertCondition(stalled, "Stalled", "True", "NameTooLong", null);
        assertCondition(stalled, "Reconciling", "False", "NameTooLong", null);
        assertNull(stalled.getStatus().getWebhookPath());
        assertTrue(cluster.eventsAbout(name).stream()
                .anyMatch(e -> "NameTooLong".equals(e.getReason()) && "Warning".equals(e.getType())));
    }

    static String tokenHash(DynamicKubernetesObject service) {
        return template(service).getAsJsonObject("metadata").getAsJsonObject("annotations")
                .get("hookrelay.dev/token-sha256").getAsString();
    }

    private static void assertCondition(V1alpha1Receiver receiver, String type, String status, String reason, String message) {
        V1Condition condition = receiver.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
        assertEquals(status, condition.getStatus(), type);
        assertEquals(reason, condition.getReason(), type);
        assertEquals(receiver.getMetadata().getGeneration(), condition.getObservedGeneration(), type);
        assertNotNull(condition.getLastTransitionTime());
        if (message != null) {
            assertEquals(message, condition.getMessage(), type);
        }
    }

    static void assertControlledBy(V1alpha1Receiver receiver, KubernetesObject owned) {
        List<V1OwnerReference> refs = owned.getMetadata().getOwnerReferences();
        assertEquals(1, refs.size(), owned.getMetadata().getName() + " has one owner");
        V1OwnerReference ref = refs.get(0);
        assertEquals(HookrelayApi.API_VERSION, ref.getApiVersion());
        assertEquals("Receiver", ref.getKind());
        assertEquals(receiver.getMetadata().getName(), ref.getName());
        assertEquals(receiver.getMetadata().getUid(), ref.getUid());
        assertTrue(ref.getController());
        assertTrue(ref.getBlockOwnerDeletion());
        assertEquals("hookrelay", owned.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    }

    static JsonObject template(DynamicKubernetesObject service) {
        return service.getRaw().getAsJsonObject("spec").getAsJsonObject("template");
    }

    static Map<String, String> env(JsonObject container) {
        Map<String, String> env = new HashMap<>();
        JsonArray vars = container.getAsJsonArray("env");
        for (JsonElement var : vars) {
            JsonObject v = var.getAsJsonObject();
            env.put(v.get("name").getAsString(), v.has("value") ? v.get("value").getAsString() : "");
        }
        return env;
    }
}
