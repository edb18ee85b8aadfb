package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, item 3: 200 clients each start a 1 MB delivery to a wrong path and send half of it,
 * slowly. The function, as its own process sized like its Knative container (MaxRAM 256 MiB),
 * stays under that limit, and a valid delivery sent meanwhile is recorded.
 */
@ExtendWith(ControlPlaneExtension.class)
class SlowUnauthenticatedClientsTest {
    private static final int CLIENTS = 200;
    private static final int ANNOUNCED = 1_000_000;
    private static final int SENT = ANNOUNCED / 2;
    private static final int PIECE = 50_000;
    private static final long LIMIT_KIB = 256 * 1024;

    @Test
    void slowClientsOnAWrongPathCostLittleAndDoNotHoldUpDeliveries(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        Path work = Files.createTempDirectory("hookrelay-slow-clients-");
        ProcessReceiver receiver = ProcessReceiver.create(plane, namespace.name(), "slow-clients", work);
        try (FunctionProcess function = FunctionProcess.startFromClassPath(List.of("-XX:MaxRAM=256m"), receiver.env(),
                work.resolve("function.log"))) {
            receiver.awaitFirstRecorded(function, "before");
            long idleKiB = function.peakRssKiB();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch halfSent = new CountDownLatch(CLIENTS);
            CountDownLatch release = new CountDownLatch(1);
            List<RawClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    RawClient client = new RawClient(function.port);
                    clients.add(client);
                    pool.submit(() -> sendHalfSlowly(client, halfSent, release));
                }
                assertTrue(halfSent.await(120, TimeUnit.SECONDS), "the clients could not send their half bodies");

                long sent = System.nanoTime();
                HttpResponse<String> valid = receiver.deliver(function, "during-slow-clients");
                long millis = (System.nanoTime() - sent) / 1_000_000;
                long peakKiB = function.peakRssKiB();
                System.out.printf("slow clients: %d x %d of %d bytes to a wrong path; function RSS idle %d MiB, peak %d MiB;"
                        + " a valid delivery meanwhile answered %d in %d ms%n", CLIENTS, SENT, ANNOUNCED, idleKiB / 1024,
                        peakKiB / 1024, valid.statusCode(), millis);

                assertEquals(200, valid.statusCode(), valid.body());
                assertTrue(receiver.receiver(plane).getStatus().getRecentEvents().stream()
                        .anyMatch(e -> "during-slow-clients".equals(e.getId())), "the valid delivery is not in the status");
                assertTrue(peakKiB < LIMIT_KIB, "peak RSS " + peakKiB / 1024 + " MiB, over the container's 256 MiB");
            } finally {
                release.countDown();
                clients.forEach(RawClient::close);
                pool.shutdownNow();
            }
        }
    }

    /** Headers for a 1 MB body, then half of it in pieces, then nothing until released. */
    private static Void sendHalfSlowly(RawClient client, CountDownLatch halfSent, CountDownLatch release) {
        try {
            client.head("POST", "/hook/" + "0".repeat(64), ANNOUNCED, Map.of("Content-Type", "application/json"));
            for (int sent = 0; sent < SENT; sent += PIECE) {
                client.send(new byte[PIECE]);
                Thread.sleep(20);
            }
        } catch (RuntimeException e) {
            // the server may close the connection of a refused request: the client is done either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            halfSent.countDown();
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
