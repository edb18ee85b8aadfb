package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.hookrelay.controller.notification.StandIn.Answer;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dispatch as Flux's notification-controller does it: a Flux event posted to the intake reaches
 * the Provider in its documented shape; 5xx and timeouts are retried, 4xx not; an identical
 * event within the interval is sent once.
 */
@ExtendWith(ControlPlaneExtension.class)
class DispatchTest {
    private static final String ALERT = "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}";

    @Test
    void fluxEventReachesSlackAsAnIncomingWebhookMessage(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn slack = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.providerWithAlert("slack", "{type: slack, channel: general, username: flux, address: '"
                    + slack.url() + "/services/T0/B0/XXXX'}", ALERT);

            alerting.postEvent("podinfo", "error", "HealthCheckFailed", "Health check failed after 2m: timeout",
                    Map.of("revision", "main@sha1:6b1c3a1e"));

            StandIn.Recorded request = slack.awaitRequests(1).get(0);
            assertEquals("POST", request.method());
            assertEquals("/services/T0/B0/XXXX", request.path());
            assertEquals("application/json", request.header("Content-Type"));
            JsonObject message = request.json().getAsJsonObject();
            assertEquals("general", message.get("channel").getAsString());
            assertEquals("flux", message.get("username").getAsString());
            JsonObject attachment = message.getAsJsonArray("attachments").get(0).getAsJsonObject();
            assertEquals("danger", attachment.get("color").getAsString());
            assertEquals("Kustomization/podinfo." + namespace.name(), attachment.get("author_name").getAsString());
            assertEquals("Health check failed after 2m: timeout", attachment.get("text").getAsString());
            JsonObject field = attachment.getAsJsonArray("fields").get(0).getAsJsonObject();
            assertEquals("revision", field.get("title").getAsString());
            assertEquals("main@sha1:6b1c3a1e", field.get("value").getAsString());
        }
    }

    @Test
    void serverErrorsAreRetriedUntilDeliveredOnce(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            hook.answer(Answer.status(503), Answer.status(503), Answer.status(503), Answer.status(200));
            alerting.providerWithAlert("flaky", "{type: generic, address: '" + hook.url() + "/hook'}", ALERT);

            alerting.postEvent("flaky-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:1", Map.of());

            alerting.awaitCount("sent", "flaky", 1);
            List<StandIn.Recorded> requests = hook.requests();
            assertEquals(4, requests.size(), "three 503s and one 200");
            assertEquals(1, requests.stream().map(StandIn.Recorded::body).distinct().count(), "the same request each time");
            assertEquals(3, alerting.count("retried", "flaky"));
            assertEquals(0, alerting.count("failed", "flaky"));
            String metrics = alerting.controller().bean(MetricsEndpoint.class).metrics();
            String provider = "{provider=\"" + namespace.name() + "/flaky\",type=\"generic\"}";
            assertTrue(metrics.contains("hookrelay_notifications_retried_total" + provider + " 3.0"), metrics);
            assertTrue(metrics.contains("hookrelay_notifications_sent_total" + provider + " 1.0"), metrics);
            assertTrue(metrics.contains("hookrelay_notification_latency_seconds_count" + provider + " 1"), metrics);
        }
    }

    @Test
    void clientErrorsAreNotRetried(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            hook.answer(Answer.status(400));
            alerting.providerWithAlert("refusing", "{type: generic, address: '" + hook.url() + "/hook'}", ALERT);

            alerting.postEvent("refused-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:2", Map.of());

            alerting.awaitCount("failed", "refusing", 1);
            assertEquals(1, hook.requests().size());
            assertEquals(0, alerting.count("retried", "refusing"));
            assertEquals(0, alerting.count("sent", "refusing"));
        }
    }

    @Test
    void retriesGiveUpAfterFourRetries(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            hook.answer(Answer.status(500), Answer.status(502), Answer.status(503), Answer.status(504), Answer.status(500));
            alerting.providerWithAlert("down", "{type: generic, address: '" + hook.url() + "/hook'}", ALERT);

            alerting.postEvent("down-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:3", Map.of());

            alerting.awaitCount("failed", "down", 1);
            assertEquals(5, hook.requests().size(), "one attempt and four retries");
            assertEquals(4, alerting.count("retried", "down"));
        }
    }

    @Test
    void timeoutsAreRetried(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            hook.answer(new Answer(200, 3_000));
            alerting.providerWithAlert("slow", "{type: generic, timeout: 300ms, address: '" + hook.url() + "/hook'}", ALERT);

            alerting.postEvent("slow-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:4", Map.of());

            alerting.awaitCount("sent", "slow", 1);
            assertEquals(2, hook.requests().size(), "the attempt that timed out, and the retry");
            assertEquals(1, alerting.count("retried", "slow"));
        }
    }

    @Test
    void identicalEventsWithinTheIntervalAreSentOnce(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.providerWithAlert("limited", "{type: generic, address: '" + hook.url() + "/hook'}", ALERT);

            alerting.postEvent("busy-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:5", Map.of());
            alerting.postEvent("busy-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:5", Map.of());
            alerting.postEvent("busy-app", "info", "ReconciliationSucceeded", "Applied revision main@sha1:6", Map.of());

            alerting.awaitCount("sent", "limited", 2);
            List<String> messages = hook.requests().stream()
                    .map(r -> r.json().getAsJsonObject().get("message").getAsString()).sorted().toList();
            assertEquals(List.of("Applied revision main@sha1:5", "Applied revision main@sha1:6"), messages);
            assertEquals(1, alerting.controller().bean(MeterRegistry.class).find("hookrelay.notifications.dropped")
                    .tag("reason", "duplicate").counter().count());
        }
    }
}
