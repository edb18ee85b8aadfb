package dev.hookrelay.controller.notification;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dispatch through one Alert to one generic Provider (a local HTTP server answering 200): the
 * time from POSTing a Flux event to the intake until the Provider receives it, one event at a
 * time, and events per second with many posted at once. The controller runs in this JVM on a
 * real control plane; -Dbenchmark.events (latency samples), -Dbenchmark.burst and
 * -Dbenchmark.senders (the throughput run).
 */
public final class NotificationBenchmark {
    private static final int EVENTS = Integer.getInteger("benchmark.events", 500);
    private static final int BURST = Integer.getInteger("benchmark.burst", 20_000);
    private static final int SENDERS = Integer.getInteger("benchmark.senders", 16);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private NotificationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ControlPlane plane = ControlPlane.start(); StandIn provider = new StandIn()) {
            plane.crds().installHookrelay();
            plane.crds().install(plane.assets().crds("knative-serving"));
            String namespace = TestNamespace.create(plane, "notification").name();
            try (Alerting alerting = new Alerting(plane, namespace, Map.of("hookrelay.notification.workers", 2))) {
                alerting.providerWithAlert("bench", "{type: generic, address: '" + provider.url() + "/hook'}",
                        "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}");
                warmUp(alerting, provider);
                String latency = latency(alerting, provider);
                String throughput = throughput(alerting, provider);
                System.out.printf("""

                        Hookrelay dispatch benchmark: Flux event POSTed to the intake -> one Alert -> one generic
                        Provider (a local HTTP server answering 200), real control plane, all on this machine's cores
                          one at a time, POST -> received (%d events):  %s
                          %d events from %d concurrent senders:        %s
                        """, EVENTS, latency, BURST, SENDERS, throughput);
            }
        }
        System.exit(0);
    }

    private static void warmUp(Alerting alerting, StandIn provider) {
        int before = provider.requests().size();
        for (int i = 0; i < 200; i++) {
            alerting.postEvent("warm-up", "info", "ReconciliationSucceeded", "warm-up " + i, Map.of());
        }
        await(provider, before + 200);
    }

    private static String latency(Alerting alerting, StandIn provider) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            int before = provider.requests().size();
            long start = System.nanoTime();
            alerting.postEvent("podinfo", "info", "ReconciliationSucceeded", "latency " + i, Map.of());
            StandIn.Recorded received = await(provider, before + 1).get(before);
            nanos.add(received.arrivedNanos() - start);
        }
        Collections.sort(nanos);
        return "p50 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(percentile(nanos, 50), percentile(nanos, 99),
                nanos.get(nanos.size() - 1) / 1e6);
    }

    private static String throughput(Alerting alerting, StandIn provider) throws InterruptedException {
        int before = provider.requests().size();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<Integer, Boolean> accepted = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long start = System.nanoTime();
        for (int s = 0; s < SENDERS; s++) {
            senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < BURST; i = next.getAndIncrement()) {
                    String body = alerting.fluxEvent("Kustomization", "burst", "info", "ReconciliationSucceeded", "burst " + i,
                            Map.of());
                    while (alerting.post(body).statusCode() == 503) {
                        refused.incrementAndGet();
                        sleep(5);
                    }
                    accepted.put(i, true);
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long posted = System.nanoTime();
        List<StandIn.Recorded> all = await(provider, before + BURST);
        long last = all.stream().skip(before).mapToLong(StandIn.Recorded::arrivedNanos).max().orElseThrow();
        double seconds = (last - start) / 1e9;
        return "%.0f events/s delivered (all %d in %.1f s; intake accepted them in %.1f s, %d answers 503 retried)"
                .formatted(BURST / seconds, accepted.size(), seconds, (posted - start) / 1e9, refused.get());
    }

    private static List<StandIn.Recorded> await(StandIn provider, int count) {
        return Eventually.await(count + " notifications", TIMEOUT, () -> provider.requests().size() >= count
                ? provider.requests() : null);
    }

    private static double percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
