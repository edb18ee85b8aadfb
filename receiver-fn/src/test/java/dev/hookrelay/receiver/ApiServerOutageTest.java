package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API server goes away mid-run: deliveries get 503 with Retry-After, never a 2xx that
 * was not stored; once it is back, every delivery that got a 2xx is counted.
 */
class ApiServerOutageTest {

    @Test
    void noDeliveryIsAcknowledgedWhileTheApiServerIsDown() {
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            String namespace = dev.hookrelay.testing.TestNamespace.create(plane, "outage").name();
            try (RunningFunction function = RunningFunction.start(plane, namespace, "outage",
                    new V1alpha1ReceiverSpec().type("github"))) {
                int acknowledged = deliver(function, "before", 20, 200);

                plane.stopApiServer();
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> response = post(function, "down-" + i);
                    assertEquals(503, response.statusCode(), response.body());
                    assertTrue(response.headers().firstValue("Retry-After").isPresent());
                }
                plane.startApiServer();

                acknowledged += deliver(function, "down", 10, 200);
                acknowledged += deliver(function, "after", 20, 200);
                assertEquals(acknowledged, function.eventCount());
            }
        }
    }

    private static int deliver(RunningFunction function, String prefix, int count, int expectedStatus) {
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = post(function, prefix + "-" + i);
            assertEquals(expectedStatus, response.statusCode(), response.body());
        }
        return count;
    }

    private static HttpResponse<String> post(RunningFunction function, String id) {
        byte[] body = GitHubDeliveries.push("acme/outage", "b".repeat(40));
        Map<String, String> headers = GitHubDeliveries.headers("push", id, body, function.token);
        return function.post(headers, body);
    }
}
