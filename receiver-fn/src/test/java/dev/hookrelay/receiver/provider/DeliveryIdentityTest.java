package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only a delivery id the provider assigned deduplicates: two real deliveries with the same body
 * (a re-push of the same tag to Quay, a CI job calling a generic Receiver twice) both count.
 */
@ExtendWith(ControlPlaneExtension.class)
class DeliveryIdentityTest {

    @Test
    void twoQuayPushesWithTheSameBodyAreTwoEvents(ControlPlane plane, TestNamespace namespace) {
        Delivery push = DocumentedDeliveries.quayPush();
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "quay-repush",
                new V1alpha1ReceiverSpec().type("quay"))) {
            byte[] token = function.token.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> first = function.post(push.httpHeaders(token), push.body());
            HttpResponse<String> second = function.post(push.httpHeaders(token), push.body());

            assertRecorded(first);
            assertRecorded(second);
            assertEquals(2, function.eventCount());
            List<V1alpha1ReceivedEvent> recent = function.receiver().getStatus().getRecentEvents();
            assertNotEquals(recent.get(0).getId(), recent.get(1).getId());
            assertTrue(recent.get(0).getId().startsWith("hookrelay-"), recent.get(0).getId());
        }
    }

    @Test
    void aGenericDeliveryCountsEachTimeUnlessItCarriesTheSameRequestId(ControlPlane plane, TestNamespace namespace) {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "ci-job",
                new V1alpha1ReceiverSpec().type("generic"))) {
            byte[] body = "{\"job\": \"deploy\"}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + function.token,
                    "Content-Type", "application/json"));

            assertRecorded(function.post(headers, body));
            assertRecorded(function.post(headers, body));
            assertEquals(2, function.eventCount());

            headers.put("X-Request-Id", "job-17");
            assertRecorded(function.post(headers, body));
            HttpResponse<String> redelivery = function.post(headers, body);
            assertEquals(200, redelivery.statusCode(), redelivery.body());
            assertTrue(redelivery.body().contains("\"status\":\"duplicate\""), redelivery.body());
            assertEquals(3, function.eventCount());
        }
    }

    private static void assertRecorded(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"recorded\""), response.body());
    }
}
