package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TcpProxy;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No delivery waits without end: on SIGTERM every queued delivery is answered (recorded or
 * 503) before the process exits, and a function whose status writer cannot work exits instead
 * of answering nothing while it looks healthy.
 */
@ExtendWith(ControlPlaneExtension.class)
class NeverHangTest {
    private static final int QUEUED = 40;

    @Test
    void onSigtermEveryQueuedDeliveryIsAnsweredBeforeExit(ControlPlane plane, TestNamespace namespace) throws Exception {
        FunctionReceiver receiver = FunctionReceiver.create(plane, namespace.name(), "sigterm");
        Path log = Files.createTempFile("sigterm-", ".log");
        try (TcpProxy proxy = TcpProxy.toServer(plane.url());
             FunctionProcess function = receiver.start(log,
                     Map.of("HOOKRELAY_KUBECONFIG", proxy.kubeconfig(receiver.kubeconfig()).toString(),
                             "HOOKRELAY_STATUS_MAX_BATCH", "4"))) {
            assertEquals(200, receiver.deliver(function, "before").statusCode());
            proxy.latency(Duration.ofMillis(200));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < QUEUED; i++) {
                answers.add(http.sendAsync(receiver.delivery(function, "queued-" + i), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(500);

            function.process.destroy();

            int recorded = 0;
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.body());
                recorded += response.statusCode() == 200 ? 1 : 0;
            }
            assertTrue(function.process.waitFor(60, TimeUnit.SECONDS), "the process did not exit after SIGTERM");
            System.out.printf("SIGTERM with %d deliveries in flight: %d recorded, %d answered 503%n",
                    QUEUED, recorded, QUEUED - recorded);
            assertEquals(recorded + 1, receiver.receiver().getStatus().getEventCount());
        }
    }

    @Test
    void aFunctionWhoseStatusWriterCannotStartExits(ControlPlane plane, TestNamespace namespace) throws Exception {
        FunctionReceiver receiver = FunctionReceiver.create(plane, namespace.name(), "no-client");
        Path log = Files.createTempFile("no-client-", ".log");
        Map<String, String> env = new HashMap<>(receiver.env());
        env.put("HOOKRELAY_KUBECONFIG", log.resolveSibling("no-such-kubeconfig").toString());
        try (FunctionProcess function = FunctionProcess.startFromClassPath(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"), env, log)) {
            assertTrue(function.process.waitFor(60, TimeUnit.SECONDS), "the function kept running without a status writer");
            assertEquals(1, function.process.exitValue());
            assertTrue(Files.readString(log).contains("the status writer stopped"), Files.readString(log));
        }
    }
}
