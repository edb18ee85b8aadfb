package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A status write commits but its answer is lost on the way back (the connection is cut after
 * the request was sent): the function reads the status back and answers each delivery as what
 * it is, so neither a 503 for a recorded delivery nor a second count on redelivery.
 */
@ExtendWith(ControlPlaneExtension.class)
class AmbiguousCommitTest {
    private static final Duration LOST_ANSWER_HOLD = Duration.ofSeconds(1);
    private static final Duration NETWORK_DOWN = Duration.ofSeconds(1);

    @Test
    void aDeliveryWhoseWriteCommittedButWhoseAnswerWasLostIsRecordedOnce(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        try (ApiServerProxy proxy = new ApiServerProxy(plane.url());
             RunningFunction function = RunningFunction.start(plane, namespace.name(), "ambiguous",
                     new V1alpha1ReceiverSpec().type("generic"), Map.of(), proxy::kubeconfig)) {
            assertEquals(200, post(function, "warm-up").statusCode());

            proxy.loseNextAnswer(LOST_ANSWER_HOLD, Duration.ZERO);
            HttpResponse<String> lost = post(function, "answer-lost");

            assertTrue(proxy.answerLost(), "the proxy lost no answer");
            assertEquals(200, lost.statusCode(), lost.body());
            assertTrue(lost.body().contains("\"status\":\"recorded\""), lost.body());
            assertEquals(2, function.eventCount());

            HttpResponse<String> redelivered = post(function, "answer-lost");
            assertEquals(200, redelivered.statusCode(), redelivered.body());
            assertTrue(redelivered.body().contains("\"status\":\"duplicate\""), redelivered.body());
            assertEquals(2, function.eventCount());
        }
    }

    @Test
    void aDeliveryWithoutIdWhoseAnswerWasLostIsCountedOnce(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (ApiServerProxy proxy = new ApiServerProxy(plane.url());
             RunningFunction function = RunningFunction.start(plane, namespace.name(), "ambiguous-no-id",
                     new V1alpha1ReceiverSpec().type("generic"), Map.of(), proxy::kubeconfig)) {
            assertEquals(200, post(function, null).statusCode());

            proxy.loseNextAnswer(LOST_ANSWER_HOLD, Duration.ZERO);
            HttpResponse<String> lost = post(function, null);

            assertTrue(proxy.answerLost(), "the proxy lost no answer");
            assertEquals(200, lost.statusCode(), lost.body());
            assertTrue(lost.body().contains("\"status\":\"recorded\""), lost.body());
            assertEquals(2, function.eventCount());
        }
    }

    @Test
    void theAnswerIsLostAndTheNetworkStaysDownAMoment(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (ApiServerProxy proxy = new ApiServerProxy(plane.url());
             RunningFunction function = RunningFunction.start(plane, namespace.name(), "ambiguous-down",
                     new V1alpha1ReceiverSpec().type("generic"), Map.of(), proxy::kubeconfig)) {
            assertEquals(200, post(function, null).statusCode());

            proxy.loseNextAnswer(LOST_ANSWER_HOLD, NETWORK_DOWN);
            HttpResponse<String> lost = post(function, null);

            assertTrue(proxy.answerLost(), "the proxy lost no answer");
            assertEquals(200, lost.statusCode(), lost.body());
            assertTrue(lost.body().contains("\"status\":\"recorded\""), lost.body());
            assertEquals(2, function.eventCount());
        }
    }

    /** A generic delivery, with X-Request-Id when {@code id} is not null. */
    static HttpResponse<String> post(RunningFunction function, String id) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + function.token,
                "Content-Type", "application/json"));
        if (id != null) {
            headers.put("X-Request-Id", id);
        }
        return function.post(headers, "{\"build\": 42}".getBytes(StandardCharsets.UTF_8));
    }
}
