package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TcpProxy;
import dev.hookrelay.testing.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One delivery whose fields exceed the status schema never fails the deliveries group-committed
 * with it: its fields are fitted to the CRD's limits before it is queued, and should the API
 * server still refuse a write as invalid (a CRD stricter than the function knows), the batch is
 * split until only the refused delivery fails.
 */
@ExtendWith(ControlPlaneExtension.class)
class OneBadDeliveryTest {
    private static final int NORMAL = 20;
    /**
     * Fewer than status.recentEvents holds (20): with more, the refused delivery, queued first,
     * could be pushed out of recentEvents by newer ones in the same write and never reach the API server.
     */
    private static final int NORMAL_BESIDE_REFUSED = 10;
    /** Slows every answer of the API server so that the deliveries sent together queue into one write. */
    private static final Duration API_LATENCY = Duration.ofMillis(500);

    @Test
    void twentyNormalDeliveriesAndOneOversizedAreAllRecorded(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (TcpProxy proxy = TcpProxy.toServer(plane.url());
             RunningFunction function = RunningFunction.start(plane, namespace.name(), "oversized",
                     new V1alpha1ReceiverSpec().type("github"), Map.of("hookrelay.status.recent-events", 50),
                     proxy::kubeconfig)) {
            String longId = "d".repeat(3000);
            Map<String, HttpResponse<String>> answers = deliverTogether(function, proxy, NORMAL, "refs/heads/" + "x".repeat(3000),
                    longId);

            answers.forEach((id, answer) -> assertEquals(200, answer.statusCode(), id + ": " + answer.body()));
            assertEquals(NORMAL + 3, function.eventCount(), "first, busy, the normal ones and the oversized one");
            V1alpha1ReceivedEvent oversized = function.receiver().getStatus().getRecentEvents().stream()
                    .filter(e -> e.getId().startsWith("ddd")).findFirst().orElseThrow();
            assertEquals(V1alpha1ReceivedEvent.MAX_FIELD_LENGTH, oversized.getId().length());
            assertTrue(oversized.getRef().length() <= V1alpha1ReceivedEvent.MAX_FIELD_LENGTH);
            assertTrue(oversized.getRef().endsWith("…"), oversized.getRef());
        }
    }

    @Test
    void aDeliveryTheApiServerRefusesFailsAloneWhenTheCrdIsStricter() throws Exception {
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().install(List.of(receiverCrdWithRefsUpTo(64)));
            String namespace = TestNamespace.create(plane, "stricter").name();
            try (TcpProxy proxy = TcpProxy.toServer(plane.url());
                 RunningFunction function = RunningFunction.start(plane, namespace, "stricter",
                         new V1alpha1ReceiverSpec().type("github"), Map.of(), proxy::kubeconfig)) {
                Map<String, HttpResponse<String>> answers = deliverTogether(function, proxy, NORMAL_BESIDE_REFUSED,
                        "refs/heads/" + "x".repeat(100), "refused");

                answers.forEach((id, answer) -> assertEquals(id.equals("refused") ? 503 : 200, answer.statusCode(),
                        id + ": " + answer.body()));
                assertEquals(NORMAL_BESIDE_REFUSED + 2, function.eventCount(), "first, busy and the normal ones");
            }
        }
    }

    /**
     * One delivery to open the connection, then with the API server slowed down: one to keep the
     * writer busy, and while it is in flight the bad one and {@code normal} normal ones at once.
     */
    private static Map<String, HttpResponse<String>> deliverTogether(RunningFunction function, TcpProxy proxy,
                                                                     int normal, String badRef, String badId)
            throws Exception {
        assertEquals(200, post(function, "first", "refs/heads/main").statusCode());
        proxy.latency(API_LATENCY);
        ExecutorService clients = Executors.newFixedThreadPool(normal + 1);
        try {
            CompletableFuture<HttpResponse<String>> busy = CompletableFuture.supplyAsync(
                    () -> post(function, "busy", "refs/heads/main"), clients);
            Thread.sleep(API_LATENCY.toMillis() / 3);
            Map<String, Future<HttpResponse<String>>> pending = new java.util.LinkedHashMap<>();
            pending.put(badId.length() > 100 ? "oversized" : badId, clients.submit(() -> post(function, badId, badRef)));
            for (int i = 0; i < normal; i++) {
                String id = "normal-" + i;
                pending.put(id, clients.submit(() -> post(function, id, "refs/heads/main")));
            }
            Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
            answers.put("busy", busy.get());
            for (Map.Entry<String, Future<HttpResponse<String>>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get());
            }
            return answers;
        } finally {
            proxy.latency(Duration.ZERO);
            clients.shutdown();
        }
    }

    private static HttpResponse<String> post(RunningFunction function, String id, String ref) {
        byte[] body = new String(GitHubDeliveries.push("acme/bad", "e".repeat(40)), StandardCharsets.UTF_8)
                .replace("refs/heads/main", ref).getBytes(StandardCharsets.UTF_8);
        return function.post(GitHubDeliveries.headers("push", id, body, function.token), body);
    }

    /** Hookrelay's Receiver CRD with a stricter ref than the function fits fields to. */
    private static Path receiverCrdWithRefsUpTo(int maxLength) throws IOException {
        String resource = HookrelayApi.CRD_RESOURCES.get(0);
        try (InputStream in = OneBadDeliveryTest.class.getClassLoader().getResourceAsStream(resource)) {
            String crd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String stricter = crd.replaceAll("(ref:\\s*\\n\\s*type: string\\s*\\n\\s*maxLength: )1024", "$1" + maxLength);
            assertTrue(!stricter.equals(crd), "no ref maxLength found in " + resource);
            return Files.writeString(Files.createTempFile("receivers-stricter-", ".yaml"), stricter);
        }
    }
}
