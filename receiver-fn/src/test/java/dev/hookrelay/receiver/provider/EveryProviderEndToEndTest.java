package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider's documented delivery, end to end: posted over HTTP to a function that writes
 * the real API server, recorded in the Receiver status; forged, unproven and filtered
 * deliveries are not.
 */
@ExtendWith(ControlPlaneExtension.class)
class EveryProviderEndToEndTest {
    /** Types whose deliveries carry no event type, so spec.events cannot filter them (the CRD refuses it). */
    private static final Set<String> UNFILTERABLE = Set.of("dockerhub", "quay", "generic", "generic-hmac");
    private static final AtomicInteger RECEIVERS = new AtomicInteger();

    static Stream<Delivery> deliveries() {
        return DocumentedDeliveries.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void deliveryIsRecordedAndForgeriesAreRefused(Delivery delivery, ControlPlane plane, TestNamespace namespace) {
        DeliveryDescription expected = delivery.expected();
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), receiverName(delivery),
                new V1alpha1ReceiverSpec().type(delivery.type))) {
            byte[] token = function.token.getBytes(StandardCharsets.UTF_8);
            if (delivery.auth().header() != null) {
                assertEquals(401, function.post(delivery.httpHeadersWithoutProof(), delivery.body()).statusCode(),
                        "without proof");
                byte[] otherToken = RunningFunction.randomToken().getBytes(StandardCharsets.UTF_8);
                assertEquals(401, function.post(delivery.httpHeaders(otherToken), delivery.body()).statusCode(),
                        "wrong token");
            }
            if (delivery.auth().signsBody()) {
                byte[] tampered = delivery.body();
                tampered[tampered.length / 2] ^= 1;
                assertEquals(401, function.post(delivery.httpHeaders(token), tampered).statusCode(), "tampered body");
            }
            assertEquals(0, function.eventCount(), "nothing may be recorded before the valid delivery");

            HttpResponse<String> response = function.post(delivery.httpHeaders(token), delivery.body());

            assertEquals(200, response.statusCode(), response.body());
            assertEquals(1, function.eventCount());
            V1alpha1ReceivedEvent recorded = function.receiver().getStatus().getLastEvent();
            if (expected.id() == null) {
                assertTrue(recorded.getId().startsWith("hookrelay-"), "an id Hookrelay assigned: " + recorded.getId());
            } else {
                assertEquals(expected.id(), recorded.getId());
            }
            assertEquals(expected.type(), recorded.getType());
            assertEquals(delivery.type, recorded.getProvider());
            assertEquals(expected.repository(), recorded.getRepository());
            assertEquals(expected.ref(), recorded.getRef());
            assertEquals(expected.revision(), recorded.getRevision());
            assertEquals(expected.image(), recorded.getImage());
            assertEquals(expected.tag(), recorded.getTag());
            assertEquals(expected.sender(), recorded.getSender());
            assertEquals(expected.action(), recorded.getAction());
        }
    }

    static Stream<Delivery> filterableDeliveries() {
        return DocumentedDeliveries.all().filter(d -> !UNFILTERABLE.contains(d.type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterableDeliveries")
    void eventOutsideSpecEventsIsIgnored(Delivery delivery, ControlPlane plane, TestNamespace namespace) {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), receiverName(delivery),
                new V1alpha1ReceiverSpec().type(delivery.type).events(List.of("not-" + delivery.expected().type())))) {
            HttpResponse<String> response = function.post(
                    delivery.httpHeaders(function.token.getBytes(StandardCharsets.UTF_8)), delivery.body());

            assertEquals(202, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"status\":\"ignored\""), response.body());
            assertEquals(0, function.eventCount());
        }
    }

    private static String receiverName(Delivery delivery) {
        return delivery.type.toLowerCase(Locale.ROOT) + "-" + RECEIVERS.incrementAndGet();
    }
}
