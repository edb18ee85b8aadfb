package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TcpProxy;
import dev.hookrelay.testing.TestNamespace;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A status write commits but its answer is lost on the way back (the connection is cut after
 * the request was sent, and may stay down a moment, or the function's read times out): the function reads the status back and
 * answers the delivery as what it is, recorded, counted once — neither a 503 for a recorded
 * delivery nor a second count when the provider redelivers.
 */
@ExtendWith(ControlPlaneExtension.class)
class AmbiguousCommitTest {
    private static final Duration HOLD = Duration.ofSeconds(1);
    private static final String CLIENT_DEFAULT = "10s";
    private static final AtomicInteger RECEIVERS = new AtomicInteger();

    static Stream<Arguments> lostAnswers() {
        return Stream.of(
                Arguments.of("connection cut, with a delivery id", "answer-lost", HOLD, Duration.ZERO, CLIENT_DEFAULT),
                Arguments.of("connection cut, without a delivery id", null, HOLD, Duration.ZERO, CLIENT_DEFAULT),
                Arguments.of("connection cut and network down a moment", null, HOLD, Duration.ofSeconds(1), CLIENT_DEFAULT),
                Arguments.of("the function's read timeout", null, Duration.ofSeconds(3), Duration.ZERO, "1s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lostAnswers")
    void aDeliveryWhoseWriteCommittedButWhoseAnswerWasLostIsRecordedOnce(String label, String id, Duration hold,
                                                                         Duration down, String readTimeout,
                                                                         ControlPlane plane, TestNamespace namespace)
            throws Exception {
        try (TcpProxy proxy = TcpProxy.toServer(plane.url());
             RunningFunction function = RunningFunction.start(plane, namespace.name(), "ambiguous-" + RECEIVERS.incrementAndGet(),
                     new V1alpha1ReceiverSpec().type("generic"), Map.of("hookrelay.kubernetes.read-timeout", readTimeout),
                     proxy::kubeconfig)) {
            assertEquals(200, post(function, "warm-up").statusCode());
            // the Event's own connection is open before an answer is lost: the answer lost is the status write's
            Eventually.await("the warm-up's Event", Duration.ofSeconds(30), () -> hasEvent(plane, namespace.name(), function.name));

            proxy.loseNextAnswer(hold, down);
            HttpResponse<String> lost = post(function, id);

            assertTrue(proxy.answerLost(), "the proxy lost no answer");
            assertEquals(200, lost.statusCode(), lost.body());
            assertTrue(lost.body().contains("\"status\":\"recorded\""), lost.body());
            assertEquals(2, function.eventCount());
            if (id != null) {
                HttpResponse<String> redelivered = post(function, id);
                assertTrue(redelivered.body().contains("\"status\":\"duplicate\""), redelivered.body());
                assertEquals(2, function.eventCount());
            }
        }
    }

    private static boolean hasEvent(ControlPlane plane, String namespace, String receiver) {
        try {
            return new CoreV1Api(plane.adminClient()).listNamespacedEvent(namespace).execute().getItems().stream()
                    .anyMatch(e -> e.getInvolvedObject().getName().equals(receiver));
        } catch (ApiException e) {
            return false;
        }
    }

    /** A generic delivery, with X-Request-Id when {@code id} is not null. */
    private static HttpResponse<String> post(RunningFunction function, String id) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + function.token,
                "Content-Type", "application/json"));
        if (id != null) {
            headers.put("X-Request-Id", id);
        }
        return function.post(headers, "{\"build\": 42}".getBytes(StandardCharsets.UTF_8));
    }
}
