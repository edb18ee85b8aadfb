package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Java model against the real API server: spec through the main resource, status through /status. */
@ExtendWith(ControlPlaneExtension.class)
class ReceiverRoundTripTest {

    @Test
    void receiverSpecAndStatusRoundTripThroughClientJava(ControlPlane plane, TestNamespace namespace)
            throws ApiException {
        GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers = new GenericKubernetesApi<>(
                V1alpha1Receiver.class, V1alpha1ReceiverList.class,
                HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RECEIVERS, plane.adminClient());
        V1alpha1Receiver created = receivers.create(new V1alpha1Receiver()
                .metadata(new V1ObjectMeta().name("roundtrip").namespace(namespace.name()))
                .spec(new V1alpha1ReceiverSpec().type("github").events(List.of("push"))
                        .secretRef(new V1alpha1SecretRef().name("gh-token"))
                        .resources(List.of(new V1alpha1TargetRef().apiVersion("source.toolkit.fluxcd.io/v1")
                                .kind("GitRepository").name("*").matchLabels(Map.of("app", "podinfo"))))))
                .throwsApiException().getObject();
        assertNull(created.getStatus(), "status must not be settable through the main resource");

        OffsetDateTime received = OffsetDateTime.of(2026, 11, 21, 10, 0, 0, 0, ZoneOffset.UTC);
        V1alpha1ReceivedEvent event = new V1alpha1ReceivedEvent().id("d-1").type("push").provider("github")
                .receivedAt(received).repository("acme/podinfo").ref("refs/heads/main").revision("abc123")
                .sender("octocat");
        created.status(new V1alpha1ReceiverStatus().observedGeneration(1L).eventCount(1)
                .lastEvent(event).recentEvents(List.of(event)).webhookPath("/hook/abc")
                .conditions(List.of(new V1Condition().type("Ready").status("True").reason("Succeeded")
                        .message("ready").lastTransitionTime(received))));
        new CustomObjectsApi(plane.adminClient()).replaceNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                HookrelayApi.VERSION, namespace.name(), HookrelayApi.RECEIVERS, "roundtrip", created).execute();

        V1alpha1Receiver read = receivers.get(namespace.name(), "roundtrip").throwsApiException().getObject();
        assertEquals("github", read.getSpec().getType());
        assertEquals(List.of("push"), read.getSpec().getEvents());
        assertEquals("gh-token", read.getSpec().getSecretRef().getName());
        assertEquals(Map.of("app", "podinfo"), read.getSpec().getResources().get(0).getMatchLabels());
        assertEquals(1, read.getStatus().getEventCount());
        assertEquals("/hook/abc", read.getStatus().getWebhookPath());
        assertEquals("abc123", read.getStatus().getLastEvent().getRevision());
        assertEquals(received.toInstant(), read.getStatus().getLastEvent().getReceivedAt().toInstant());
        assertEquals("d-1", read.getStatus().getRecentEvents().get(0).getId());
        assertEquals("Ready", read.getStatus().getConditions().get(0).getType());
    }
}
