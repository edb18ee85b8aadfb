package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP contract of POST /hook/{digest}, against a function writing to the real API server. */
@ExtendWith(ControlPlaneExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HookEndpointTest {
    private RunningFunction function;

    @BeforeAll
    void startFunction(ControlPlane plane, TestNamespace namespace) {
        function = RunningFunction.start(plane, namespace.name(), "podinfo",
                new V1alpha1ReceiverSpec().type("github").events(List.of("push", "ping")),
                Map.of("hookrelay.max-body-size", "64KB"));
    }

    @AfterAll
    void stopFunction() {
        function.close();
    }

    @Test
    void validPushIsAnsweredOnlyOnceRecordedInTheStatus() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "6113728f27ae82c7b1a177c8d03f9e96e0adf246");

        HttpResponse<String> response = function.post(
                GitHubDeliveries.headers("push", "delivery-valid", body, function.token), body);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"recorded\""), response.body());
        assertTrue(response.body().contains("\"delivery\":\"delivery-valid\""), response.body());
        V1alpha1ReceivedEvent recorded = function.receiver().getStatus().getRecentEvents().stream()
                .filter(e -> e.getId().equals("delivery-valid")).findFirst().orElseThrow();
        assertEquals("push", recorded.getType());
        assertEquals("github", recorded.getProvider());
        assertEquals("acme/podinfo", recorded.getRepository());
        assertEquals("refs/heads/main", recorded.getRef());
        assertEquals("6113728f27ae82c7b1a177c8d03f9e96e0adf246", recorded.getRevision());
        assertEquals("octocat", recorded.getSender());
    }

    @Test
    void recordedDeliveryIsAnnouncedByAnEventOnTheReceiver() {
        byte[] body = GitHubDeliveries.push("acme/events", "7777777777777777777777777777777777777777");
        assertEquals(200, function.post(GitHubDeliveries.headers("push", "delivery-event", body, function.token), body)
                .statusCode());

        Eventually.await("a DeliveryRecorded Event for delivery-event", Duration.ofSeconds(10),
                () -> events().stream().anyMatch(e -> "DeliveryRecorded".equals(e.getReason())
                        && function.name.equals(e.getInvolvedObject().getName())
                        && e.getMessage().contains("delivery-event") && e.getMessage().contains("acme/events")));
    }

    private List<CoreV1Event> events() {
        try {
            return new CoreV1Api(function.plane.adminClient()).listNamespacedEvent(function.namespace).execute().getItems();
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
    }

    @Test
    void redeliveredIdIsAcknowledgedAsDuplicateAndCountedOnce() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "1111111111111111111111111111111111111111");
        Map<String, String> headers = GitHubDeliveries.headers("push", "delivery-redelivered", body, function.token);
        assertEquals(200, function.post(headers, body).statusCode());
        long countAfterFirst = function.eventCount();

        HttpResponse<String> again = function.post(headers, body);

        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("\"status\":\"duplicate\""), again.body());
        assertEquals(countAfterFirst, function.eventCount());
    }

    @Test
    void eventOutsideSpecEventsIsIgnoredWith202AndNotCounted() {
        byte[] body = "{\"action\":\"opened\",\"repository\":{\"full_name\":\"acme/podinfo\"}}".getBytes(StandardCharsets.UTF_8);
        long before = function.eventCount();

        HttpResponse<String> response = function.post(
                GitHubDeliveries.headers("issues", "delivery-issue", body, function.token), body);

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"ignored\""), response.body());
        assertEquals(before, function.eventCount());
    }

    @Test
    void wrongSignatureIs401WithAReasonAndRecordsNothing() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "2222222222222222222222222222222222222222");
        long before = function.eventCount();

        HttpResponse<String> response = function.post(
                GitHubDeliveries.headers("push", "delivery-forged", body, RunningFunction.randomToken()), body);

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("X-Hub-Signature-256"), response.body());
        assertFalse(response.body().contains(function.token));
        assertEquals(before, function.eventCount());
    }

    @Test
    void missingSignatureIs401NamingTheHeaderExpected() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "3333333333333333333333333333333333333333");
        Map<String, String> headers = new HashMap<>(GitHubDeliveries.headers("push", "delivery-unsigned", body, function.token));
        headers.remove("X-Hub-Signature-256");

        HttpResponse<String> response = function.post(headers, body);

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(response.body().contains("X-Hub-Signature-256"), response.body());
    }

    @Test
    void signedBodyThatIsNotJsonIs400() {
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = function.post(
                GitHubDeliveries.headers("push", "delivery-garbled", body, function.token), body);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("JSON"), response.body());
    }

    @Test
    void unsupportedContentTypeIs415() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "4444444444444444444444444444444444444444");
        Map<String, String> headers = new HashMap<>(GitHubDeliveries.headers("push", "delivery-text", body, function.token));
        headers.put("Content-Type", "text/plain");

        HttpResponse<String> response = function.post(headers, body);

        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.body().contains("application/json"), response.body());
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] body = new byte[128 * 1024];

        HttpResponse<String> response = function.post(
                GitHubDeliveries.headers("push", "delivery-huge", body, function.token), body);

        assertEquals(413, response.statusCode(), response.body());
    }

    @Test
    void wrongDigestAndUnknownPathAnswerTheSame404() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "5555555555555555555555555555555555555555");
        Map<String, String> headers = GitHubDeliveries.headers("push", "delivery-lost", body, function.token);

        HttpResponse<String> wrongDigest = function.post("/hook/" + "0".repeat(64), headers, body);
        HttpResponse<String> unknownPath = function.post("/somewhere/else", headers, body);

        assertEquals(404, wrongDigest.statusCode());
        assertEquals(404, unknownPath.statusCode());
        assertEquals(wrongDigest.body(), unknownPath.body());
    }

    @Test
    void otherMethodsAre405() {
        HttpResponse<String> response = RunningFunction.send(
                HttpRequest.newBuilder(function.uri(function.webhookPath)).GET().build());

        assertEquals(405, response.statusCode(), response.body());
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> response = RunningFunction.send(HttpRequest.newBuilder(function.uri("/health")).GET().build());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("UP"));
    }
}
