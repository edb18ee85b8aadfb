package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Concurrent deliveries to one Receiver: every 2xx counted, in far fewer status writes. */
@ExtendWith(ControlPlaneExtension.class)
class GroupCommitTest {
    private static final int DELIVERIES = 500;

    @Test
    void fiveHundredConcurrentDeliveriesAreAllCountedInFewerWrites(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "burst",
                new V1alpha1ReceiverSpec().type("github"))) {
            ExecutorService clients = Executors.newFixedThreadPool(64);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                String id = "burst-" + i;
                responses.add(clients.submit(() -> {
                    byte[] body = GitHubDeliveries.push("acme/burst", "%040d".formatted(0).replace("0", "a"));
                    return function.post(GitHubDeliveries.headers("push", id, body, function.token), body);
                }));
            }
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                assertEquals(200, answer.statusCode(), answer.body());
            }
            clients.shutdown();

            assertEquals(DELIVERIES, function.eventCount());
            double writes = function.bean(MeterRegistry.class).get("hookrelay.status.writes").counter().count();
            System.out.printf("group commit: %d deliveries in %.0f status writes (%.3f writes per delivery)%n",
                    DELIVERIES, writes, writes / DELIVERIES);
            assertTrue(writes < DELIVERIES, "writes: " + writes);
        }
    }
}
