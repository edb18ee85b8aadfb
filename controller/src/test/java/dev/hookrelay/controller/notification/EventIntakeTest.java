package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The intake answers as Flux's controllers expect: 202 for an event, 400 naming what is wrong. */
@ExtendWith(ControlPlaneExtension.class)
class EventIntakeTest {

    @Test
    void wellFormedEventIsAccepted(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name())) {
            HttpResponse<String> answer = alerting.post(alerting.fluxEvent("Kustomization", "podinfo", "info",
                    "ReconciliationSucceeded", "Applied revision main@sha1:6b1c3a1", Map.of("revision", "main@sha1:6b1c3a1")));

            assertEquals(202, answer.statusCode(), answer.body());
            assertEquals("{\"status\":\"accepted\"}", answer.body());
        }
    }

    @Test
    void malformedEventsAreRefusedNamingTheField(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name())) {
            String valid = alerting.fluxEvent("Kustomization", "podinfo", "info", "ReconciliationSucceeded", "ok", Map.of());
            Map<String, String> cases = Map.of(
                    "not json", "the body is not JSON",
                    "[1, 2]", "the body must be a JSON object",
                    valid.replace("\"involvedObject\"", "\"object\""), "involvedObject is missing",
                    valid.replace("\"kind\":\"Kustomization\",", ""), "involvedObject.kind is missing or empty",
                    valid.replace("\"severity\":\"info\"", "\"severity\":\"warning\""), "severity is 'warning'; it must be info or error",
                    valid.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"yesterday\""), "timestamp 'yesterday' is not an RFC 3339 time",
                    valid.replace("\"reason\":\"ReconciliationSucceeded\",", ""), "reason is missing or empty",
                    valid.replace("\"reportingController\":\"kustomize-controller\",", ""), "reportingController is missing or empty",
                    valid.replace("\"message\":\"ok\"", "\"message\":7"), "message must be a string");
            cases.forEach((body, expected) -> {
                HttpResponse<String> answer = alerting.post(body);

                assertEquals(400, answer.statusCode(), body + " -> " + answer.body());
                assertTrue(answer.body().contains(expected), body + " -> " + answer.body());
            });
        }
    }
}
