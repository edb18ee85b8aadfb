package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.controller.notification.StandIn.Answer;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The intake's bounds: a full queue answers 503 with Retry-After, an oversized event 413. */
@ExtendWith(ControlPlaneExtension.class)
class IntakeLimitsTest {

    @Test
    void fullQueueAnswers503(ControlPlane plane, TestNamespace namespace) throws Exception {
        // room for three events at most: one notification in flight (the Provider answers after 5 s),
        // one event waiting in the router for it, one in the queue; so of four, one is refused
        Map<String, Object> tight = Map.of("hookrelay.notification.queue-capacity", 1, "hookrelay.notification.max-in-flight", 1);
        try (StandIn slow = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name(), tight)) {
            slow.answer(new Answer(200, 5_000), new Answer(200, 5_000));
            alerting.providerWithAlert("slow", "{type: generic, address: '" + slow.url() + "'}",
                    "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}");

            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(alerting.post(alerting.fluxEvent("Kustomization", "app", "info", "R", "event " + i, Map.of())));
            }

            HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() != 202).findFirst().orElseThrow(
                    () -> new AssertionError("four events accepted into room for three"));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(null));
            assertTrue(refused.body().contains("the event queue is full; retry later"), refused.body());
            assertEquals(202, answers.get(0).statusCode());
        }
    }

    @Test
    void oversizedEventAnswers413(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name(), Map.of("hookrelay.notification.max-event-bytes", 1024))) {
            HttpResponse<String> answer = alerting.post(alerting.fluxEvent("Kustomization", "app", "info", "R",
                    "x".repeat(2000), Map.of()));

            assertEquals(413, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("larger than 1024 bytes"), answer.body());
        }
    }
}
