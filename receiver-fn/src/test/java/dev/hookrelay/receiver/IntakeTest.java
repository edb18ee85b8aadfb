package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an unauthenticated client can make the function do before any body is read: a wrong
 * path, a wrong method or an announced size over the limit is answered from the headers; a
 * delivery body must arrive in time, and only a bounded number arrive at once.
 */
@ExtendWith(ControlPlaneExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private RunningFunction function;

    @BeforeAll
    void startFunction(ControlPlane plane, TestNamespace namespace) {
        function = RunningFunction.start(plane, namespace.name(), "intake", new V1alpha1ReceiverSpec().type("github"),
                Map.of("hookrelay.max-body-size", "64KB",
                        "hookrelay.intake.max-unverified-bodies", "2",
                        "hookrelay.intake.body-timeout", "3s"));
    }

    @AfterAll
    void stopFunction() {
        function.close();
    }

    private int port() {
        return function.port;
    }

    @Test
    void wrongPathIsAnswered404BeforeItsBodyIsSent() {
        try (RawClient client = new RawClient(port())) {
            String answer = client.head("POST", "/hook/" + "0".repeat(64), 60_000, JSON).send(new byte[1024]).responseHead();

            assertNotNull(answer, "the connection closed without an answer");
            assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
            assertTrue(answer.toLowerCase().contains("connection: close"), answer);
        }
    }

    @Test
    void announcedBodyOverTheLimitIs413BeforeItIsSent() {
        try (RawClient client = new RawClient(port())) {
            String answer = client.head("POST", function.webhookPath, 10_000_000, JSON).responseHead();

            assertNotNull(answer, "the connection closed without an answer");
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    @Test
    void metricsAreNotServedOnThePublicPort() {
        HttpResponse<String> publicPort = RunningFunction.send(HttpRequest.newBuilder(function.uri("/metrics")).GET().build());
        HttpResponse<String> metricsPort = RunningFunction.send(
                HttpRequest.newBuilder(function.metricsUri("/metrics")).GET().build());
        HttpResponse<String> webhookOnMetricsPort = RunningFunction.send(HttpRequest.newBuilder(
                function.metricsUri(function.webhookPath)).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertEquals(404, publicPort.statusCode(), publicPort.body());
        assertEquals(200, metricsPort.statusCode());
        assertTrue(metricsPort.body().contains("hookrelay_deliveries_rejected_total"), metricsPort.body());
        assertEquals(404, webhookOnMetricsPort.statusCode());
    }

    @Test
    void bodiesBeyondTheBoundAreAnswered503WithRetryAfter() {
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                clients.add(new RawClient(port()).head("POST", function.webhookPath, 1000, JSON).send(new byte[10]));
            }
            // two hold the permits until their bodies time out (closed without an answer); the third,
            // whichever it is, is turned away at once
            List<String> answers = clients.stream().map(RawClient::responseHead).toList();

            List<String> refused = answers.stream().filter(a -> a != null && a.startsWith("HTTP/1.1 503")).toList();
            assertEquals(1, refused.size(), answers.toString());
            assertTrue(refused.get(0).toLowerCase().contains("retry-after: "), refused.get(0));
            assertEquals(2, answers.stream().filter(a -> a == null).count(), answers.toString());
        } finally {
            clients.forEach(RawClient::close);
        }
    }

    @Test
    void bodyThatDoesNotArriveInTimeClosesTheConnection() {
        try (RawClient client = new RawClient(port())) {
            client.head("POST", function.webhookPath, 1000, JSON).send(new byte[10]);

            assertTrue(client.closedByServer(), "the server kept waiting for the rest of the body");
        }
    }
}
