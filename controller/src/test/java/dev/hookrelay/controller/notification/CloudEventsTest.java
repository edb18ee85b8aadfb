package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Receiver a CloudEvents source: a delivery the real receiver-fn records arrives at the
 * sink a Provider's sinkRef names (here a Knative Service, addressed by its status.address.url)
 * as a binary-mode CloudEvent.
 */
@ExtendWith(ControlPlaneExtension.class)
class CloudEventsTest {

    @Test
    void recordedDeliveryArrivesAtTheSinkAsACloudEvent(ControlPlane plane, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        try (StandIn sink = new StandIn();
             RunningFunction function = RunningFunction.startProcess(plane, ns, "podinfo-github",
                     new V1alpha1ReceiverSpec().type("github").events(List.of("push")));
             Alerting alerting = new Alerting(plane, ns)) {
            alerting.apply("""
                    apiVersion: serving.knative.dev/v1
                    kind: Service
                    metadata: {name: event-display}
                    spec: {template: {spec: {containers: [{image: gcr.io/knative-releases/event-display}]}}}
                    """);
            addressed(plane, ns, "event-display", sink.url() + "/");
            alerting.providerWithAlert("knative", "{type: cloudevents, sinkRef: {apiVersion: serving.knative.dev/v1,"
                    + " kind: Service, name: event-display}}", "{providerRef: {name: %s}, eventSources: [{kind: Receiver, name: '*'}]}");

            byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", "6b1c3a1e2f");
            HttpResponse<String> answer = function.post(GitHubDeliveries.headers("push", "delivery-17", push, function.token), push);
            assertEquals(200, answer.statusCode(), answer.body());

            StandIn.Recorded event = sink.awaitRequests(1).get(0);
            assertEquals("POST", event.method());
            assertEquals("/", event.path());
            assertEquals("1.0", event.header("ce-specversion"));
            assertEquals("dev.hookrelay.github.push", event.header("ce-type"));
            assertEquals("/apis/hookrelay.dev/v1alpha1/namespaces/" + ns + "/receivers/podinfo-github", event.header("ce-source"));
            assertEquals("stefanprodan/podinfo", event.header("ce-subject"));
            assertEquals("delivery-17", event.header("ce-id"));
            assertEquals("application/json", event.header("content-type"));
            JsonObject data = event.json().getAsJsonObject();
            assertEquals("delivery-17", data.get("id").getAsString());
            assertEquals("6b1c3a1e2f", data.get("revision").getAsString());
            assertEquals("refs/heads/main", data.get("ref").getAsString());
            assertEquals("octocat", data.get("sender").getAsString());
        }
    }

    /** Plays Knative: the Service is addressable at this URL. */
    private static void addressed(ControlPlane plane, String namespace, String name, String url) throws Exception {
        String patch = "{\"status\": {\"address\": {\"url\": \"" + url + "\"}}}";
        CustomObjectsApi api = new CustomObjectsApi(plane.adminClient());
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus("serving.knative.dev", "v1", namespace,
                "services", name, new V1Patch(patch)).buildCall(null), V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, plane.adminClient());
    }
}
