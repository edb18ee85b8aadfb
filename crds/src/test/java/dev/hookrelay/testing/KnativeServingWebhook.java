package dev.hookrelay.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.CreateOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Knative Serving's admission webhooks in the test control plane: {@code knative-validate -serve}
 * runs Knative's own defaulting and validation of every Service created or updated, so the API
 * server refuses what Knative refuses and stores what Knative would store (defaulted).
 */
final class KnativeServingWebhook {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String NAME = "webhook.serving.knative.dev";

    private KnativeServingWebhook() {
    }

    /** Starts the webhook and registers it; the process returned is the caller's to stop. */
    static ManagedProcess install(ControlPlane plane) {
        Path log = plane.workDir().resolve("knative-validate.log");
        ManagedProcess webhook = new ManagedProcess("knative-validate", List.of(
                plane.assets().binary("knative-validate").toString(), "-serve", "127.0.0.1:0"), log);
        webhook.start();
        JsonObject announced = new JsonObject();
        webhook.awaitReady(() -> announcement(log, announced), START_TIMEOUT);
        String url = announced.get("url").getAsString();
        String caBundle = announced.get("caBundle").getAsString();
        register(plane, "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", url + "/default", caBundle);
        register(plane, "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", url + "/validate", caBundle);
        awaitEffective(plane);
        return webhook;
    }

    private static boolean announcement(Path log, JsonObject into) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("{\"caBundle\"")) {
                    JsonParser.parseString(line).getAsJsonObject().entrySet().forEach(e -> into.add(e.getKey(), e.getValue()));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void register(ControlPlane plane, String plural, String kind, String url, String caBundle) {
        DynamicKubernetesObject configuration = Manifests.parse("""
                apiVersion: admissionregistration.k8s.io/v1
                kind: %s
                metadata: {name: %s}
                webhooks:
                - name: %s
                  clientConfig: {url: "%s", caBundle: %s}
                  rules:
                  - {apiGroups: [serving.knative.dev], apiVersions: [v1], resources: [services], operations: [CREATE, UPDATE]}
                  failurePolicy: Fail
                  sideEffects: None
                  admissionReviewVersions: [v1]
                  timeoutSeconds: 10
                """.formatted(kind, NAME, NAME, url, caBundle)).get(0);
        var created = new DynamicKubernetesApi("admissionregistration.k8s.io", "v1", plural, plane.adminClient())
                .create(configuration);
        if (!created.isSuccess()) {
            throw new IllegalStateException("the API server refused the " + kind + ": " + created.getStatus());
        }
    }

    /** The API server picks up webhook configurations asynchronously: wait until it refuses what Knative refuses. */
    private static void awaitEffective(ControlPlane plane) {
        DynamicKubernetesApi services = new DynamicKubernetesApi("serving.knative.dev", "v1", "services", plane.adminClient());
        DynamicKubernetesObject refused = Manifests.parse("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata: {name: webhook-probe, namespace: default}
                spec: {template: {spec: {hostAliases: [], containers: [{image: probe}]}}}
                """).get(0);
        Eventually.await("Knative's webhook in effect", START_TIMEOUT, () -> {
            var response = services.create(refused, new CreateOptions().dryRun("All"));
            return response.getHttpStatusCode() == 400 && response.getStatus().getMessage().contains("hostAliases");
        });
    }
}
