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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Knative may run several pods for one Receiver: three function processes under concurrent
 * load, each delivery also redelivered to another process, and another writer writing other
 * status fields all along. No delivery is lost or counted twice: eventCount is exact.
 */
@ExtendWith(ControlPlaneExtension.class)
class SeveralFunctionProcessesTest {
    private static final int PROCESSES = 3;
    private static final int DELIVERIES = 300;

    @Test
    void threeProcessesOnOneReceiverCountEveryDeliveryExactlyOnce(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        FunctionReceiver receiver = FunctionReceiver.create(plane, namespace.name(), "three-processes");
        Path logs = Files.createTempDirectory("three-processes-");
        List<FunctionProcess> functions = new ArrayList<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread otherWriter = new Thread(() -> writeOtherFields(plane, receiver, loading), "other-writer");
        try {
            for (int i = 0; i < PROCESSES; i++) {
                functions.add(receiver.start(logs.resolve("function-" + i + ".log"),
                        Map.of("HOOKRELAY_STATUS_RECENT_EVENTS", "100")));
            }
            otherWriter.start();
            ExecutorService clients = Executors.newFixedThreadPool(24);
            List<Future<List<HttpResponse<String>>>> answers = new ArrayList<>();
            for (int i = 0; i < DELIVERIES; i++) {
                String id = "three-" + i;
                FunctionProcess first = functions.get(i % PROCESSES);
                FunctionProcess second = functions.get((i + 1) % PROCESSES);
                answers.add(clients.submit(() -> List.of(receiver.deliver(first, id), receiver.deliver(second, id))));
            }
            int recorded = 0;
            for (Future<List<HttpResponse<String>>> answer : answers) {
                HttpResponse<String> delivery = answer.get().get(0);
                HttpResponse<String> redelivery = answer.get().get(1);
                assertEquals(200, delivery.statusCode(), delivery.body());
                assertEquals(200, redelivery.statusCode(), redelivery.body());
                assertTrue(redelivery.body().contains("\"status\":\"duplicate\""), redelivery.body());
                recorded += delivery.body().contains("\"status\":\"recorded\"") ? 1 : 0;
            }
            clients.shutdown();
            loading.set(false);
            otherWriter.join();

            assertEquals(DELIVERIES, recorded);
            assertEquals(DELIVERIES, receiver.receiver().getStatus().getEventCount());
            double writes = 0;
            for (FunctionProcess function : functions) {
                writes += function.scrape("hookrelay_status_writes_total");
            }
            System.out.printf("%d processes: %d deliveries + %d redeliveries in %.0f status writes (%.3f per delivery)%n",
                    PROCESSES, DELIVERIES, DELIVERIES, writes, writes / DELIVERIES);
        } finally {
            loading.set(false);
            for (FunctionProcess function : functions) {
                function.close();
            }
        }
    }

    private static void writeOtherFields(ControlPlane plane, FunctionReceiver receiver, AtomicBoolean loading) {
        for (long handled = 1; loading.get(); handled++) {
            try {
                OneRoundTripTest.fanOutWrites(plane, receiver.namespace, receiver.name, handled);
                Thread.sleep(20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
