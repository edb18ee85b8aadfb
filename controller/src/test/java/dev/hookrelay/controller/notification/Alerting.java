package dev.hookrelay.controller.notification;

import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.Manifests;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One namespace with a controller whose retries are fast (10 ms doubling to 80 ms), seen as
 * a Flux user sees it: Providers, Alerts and Secrets applied as YAML, events POSTed to the
 * intake as Flux's controllers post them, and the controller's notification metrics.
 */
final class Alerting implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ControlPlane plane;
    private final String namespace;
    private final ControllerInstance controller;
    private final HttpClient http = HttpClient.newHttpClient();

    Alerting(ControlPlane plane, String namespace, Map<String, Object> extra) {
        this.plane = plane;
        this.namespace = namespace;
        Map<String, Object> properties = new HashMap<>(Map.of("hookrelay.controller.leader-election.enabled", false,
                "hookrelay.notification.retry-base-delay", "10ms", "hookrelay.notification.retry-max-delay", "80ms",
                "hookrelay.notification.workers", 1));
        properties.putAll(extra);
        this.controller = ControllerInstance.start(plane, namespace, properties);
    }

    Alerting(ControlPlane plane, String namespace) {
        this(plane, namespace, Map.of());
    }

    String namespace() {
        return namespace;
    }

    ControllerInstance controller() {
        return controller;
    }

    /** Creates every object in the YAML in the namespace, as kubectl create would. */
    void apply(String yaml) {
        for (DynamicKubernetesObject object : Manifests.parse(yaml)) {
            var created = Manifests.create(plane.adminClient(), namespace, object);
            if (!created.isSuccess()) {
                throw new IllegalStateException("cannot create " + object.getMetadata().getName() + ": " + created.getStatus());
            }
        }
    }

    void secret(String name, Map<String, String> stringData) {
        V1Secret secret = new V1Secret().metadata(new V1ObjectMeta().name(name).namespace(namespace)).stringData(stringData);
        try {
            new CoreV1Api(plane.adminClient()).createNamespacedSecret(namespace, secret).execute();
        } catch (ApiException e) {
            throw new IllegalStateException("cannot create Secret " + name + ": " + e.getResponseBody(), e);
        }
    }

    void patch(String plural, String name, String mergePatch) {
        var answer = new DynamicKubernetesApi("hookrelay.dev", "v1alpha1", plural, plane.adminClient()).patch(namespace, name,
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(mergePatch));
        if (!answer.isSuccess()) {
            throw new IllegalStateException("cannot patch " + plural + "/" + name + ": " + answer.getStatus());
        }
    }

    /** A Provider of this type (and its Alert, for every Kustomization in the namespace) Ready to send. */
    void providerWithAlert(String name, String providerSpec, String alertSpec) {
        apply("""
                apiVersion: hookrelay.dev/v1alpha1
                kind: Provider
                metadata: {name: %s}
                spec: %s
                ---
                apiVersion: hookrelay.dev/v1alpha1
                kind: Alert
                metadata: {name: %s}
                spec: %s
                """.formatted(name, providerSpec, name, alertSpec.formatted(name)));
        awaitReady("providers", name, "True");
        awaitReady("alerts", name, "True");
    }

    /** Waits until the object's Ready has this status, and returns the condition. */
    V1Condition awaitReady(String plural, String name, String status) {
        DynamicKubernetesApi api = new DynamicKubernetesApi("hookrelay.dev", "v1alpha1", plural, plane.adminClient());
        return Eventually.await(plural + "/" + name + " Ready=" + status, TIMEOUT, () -> {
            var object = api.get(namespace, name).getObject();
            if (object == null || !object.getRaw().has("status")) {
                return null;
            }
            var conditions = object.getRaw().getAsJsonObject("status").getAsJsonArray("conditions");
            for (var element : conditions) {
                var condition = element.getAsJsonObject();
                if ("Ready".equals(condition.get("type").getAsString()) && status.equals(condition.get("status").getAsString())) {
                    return new V1Condition().type("Ready").status(status).reason(condition.get("reason").getAsString())
                            .message(condition.get("message").getAsString());
                }
            }
            return null;
        });
    }

    /** POSTs the body to the intake as a Flux controller does. */
    HttpResponse<String> post(String body) {
        int port = controller.bean(EventIntake.class).port();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Flux event about a Kustomization in this namespace, posted; fails unless accepted. */
    void postEvent(String name, String severity, String reason, String message, Map<String, String> metadata) {
        HttpResponse<String> answer = post(fluxEvent("Kustomization", name, severity, reason, message, metadata));
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("the intake answered " + answer.statusCode() + " " + answer.body());
        }
    }

    String fluxEvent(String kind, String name, String severity, String reason, String message, Map<String, String> metadata) {
        StringBuilder meta = new StringBuilder();
        metadata.forEach((key, value) -> meta.append(meta.length() == 0 ? "" : ",").append('"')
                .append("kustomize.toolkit.fluxcd.io/").append(key).append("\":\"").append(value).append('"'));
        return """
                {"involvedObject":{"kind":"%s","namespace":"%s","name":"%s","uid":"7c1b","apiVersion":"kustomize.toolkit.fluxcd.io/v1"},
                 "severity":"%s","timestamp":"%s","message":"%s","reason":"%s","metadata":{%s},
                 "reportingController":"kustomize-controller","reportingInstance":"kustomize-controller-7f9c"}"""
                .formatted(kind, namespace, name, severity, Instant.now(), message, reason, meta);
    }

    /** A notification counter of one Provider: sent, failed, retried. */
    double count(String metric, String provider) {
        Counter counter = controller.bean(MeterRegistry.class).find("hookrelay.notifications." + metric)
                .tag("provider", namespace + "/" + provider).counter();
        return counter == null ? 0 : counter.count();
    }

    void awaitCount(String metric, String provider, double count) {
        Eventually.await(metric + " of " + provider + " = " + count, TIMEOUT, () -> count(metric, provider) >= count);
    }

    @Override
    public void close() {
        controller.close();
    }
}
