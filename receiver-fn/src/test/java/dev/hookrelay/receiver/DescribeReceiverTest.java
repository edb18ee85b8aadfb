package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.api.V1alpha1Rejection;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.Kubectl;
import dev.hookrelay.testing.TestNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user sees with the real kubectl: recorded deliveries and rejections under
 * {@code kubectl describe receiver}, rejections in status and in the REJECTED column — never
 * a token, a signature or the payload, and no status write per rejected request.
 */
@ExtendWith(ControlPlaneExtension.class)
class DescribeReceiverTest {
    private static final int REJECTED = 12;
    private static final String PAYLOAD_MARKER = "payload-marker-5b1e";

    @Test
    void describeListsRecordedDeliveriesAndAggregatedRejections(ControlPlane plane, TestNamespace namespace) {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "described",
                new V1alpha1ReceiverSpec().type("github"), Map.of("hookrelay.status.rejection-flush", "2s"))) {
            byte[] body = GitHubDeliveries.push("acme/described", "b".repeat(40));
            assertEquals(200, function.post(GitHubDeliveries.headers("push", "described-1", body, function.token), body)
                    .statusCode());
            byte[] forgedBody = GitHubDeliveries.push("acme/" + PAYLOAD_MARKER, "b".repeat(40));
            double writesBefore = function.bean(MeterRegistry.class).get("hookrelay.status.writes").counter().count();
            String forgedSignature = null;
            for (int i = 0; i < REJECTED; i++) {
                Map<String, String> forged = GitHubDeliveries.headers("push", "forged-" + i, forgedBody, "wrong-" + function.token);
                forgedSignature = forged.get("X-Hub-Signature-256");
                assertEquals(401, function.post(forged, forgedBody).statusCode());
            }

            V1alpha1ReceiverStatus status = Eventually.await("rejectedCount " + REJECTED, Duration.ofSeconds(30), () -> {
                V1alpha1ReceiverStatus current = function.receiver().getStatus();
                return current.getRejectedCount() == REJECTED ? current : null;
            });
            V1alpha1Rejection last = status.getLastRejection();
            assertEquals("X-Hub-Signature-256 does not match the body signed with the Receiver's token", last.getReason());
            assertEquals("X-Hub-Signature-256", last.getExpected());
            assertNotNull(last.getAt());
            double rejectionWrites = function.bean(MeterRegistry.class).get("hookrelay.status.writes").counter().count()
                    - writesBefore;
            System.out.printf("%d rejected deliveries written to status in %.0f writes%n", REJECTED, rejectionWrites);
            assertTrue(rejectionWrites < REJECTED, rejectionWrites + " status writes for " + REJECTED + " rejections");

            Kubectl kubectl = new Kubectl(plane);
            String described = Eventually.await("kubectl describe lists both Events", Duration.ofSeconds(30), () -> {
                String output = kubectl.run("describe", "receiver", function.name, "-n", function.namespace);
                return output.contains("DeliveryRecorded") && output.contains("DeliveriesRejected") ? output : null;
            });
            assertTrue(described.contains("Recorded github push described-1"), described);
            assertTrue(described.matches("(?s).*Warning\\s+DeliveriesRejected.*Rejected \\d+ deliver(y|ies) in the last minute:"
                    + " X-Hub-Signature-256 does not match the body signed with the Receiver's token.*"), described);
            assertTrue(described.matches("(?s).*Rejected Count:\\s+" + REJECTED + "\\s.*"), "rejectedCount in describe: " + described);
            String table = kubectl.run("get", "receiver", function.name, "-n", function.namespace);
            assertTrue(table.lines().findFirst().orElseThrow().contains("REJECTED"), table);
            assertTrue(table.lines().skip(1).findFirst().orElseThrow().matches(".*\\s" + REJECTED + "\\s.*"), table);

            String yaml = kubectl.run("get", "receiver", function.name, "-n", function.namespace, "-o", "yaml");
            String events = kubectl.run("get", "events", "-n", function.namespace, "-o", "yaml");
            for (String seen : new String[]{yaml, described, events}) {
                assertFalse(seen.contains(function.token), "token shown: " + seen);
                assertFalse(seen.contains(forgedSignature.substring("sha256=".length())), "signature shown: " + seen);
                assertFalse(seen.contains("wrong-"), "forging token shown: " + seen);
                assertFalse(seen.contains(PAYLOAD_MARKER), "payload of a rejected delivery shown: " + seen);
            }
        }
    }
}
