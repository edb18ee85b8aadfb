package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput and cold start of receiver-fn as a process, writing to a real API server.
 * Run: {@code mvn -q -pl receiver-fn -am -DskipTests -Pbenchmark verify}
 * (-Ddeliveries=N -Dconcurrency=K -Dcoldstart.runs=5 -Dwrk.seconds=10; the wrk run needs wrk on the PATH).
 */
public final class ReceiverFnBenchmark {
    private static final Path JDK17 = Path.of(System.getProperty("java.home"));
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** JVM options of the throughput runs; by default the function's Knative memory limit, 256 MiB. */
    private static final List<String> THROUGHPUT_JVM = List.of(System.getProperty("function.jvmArgs", "-XX:MaxRAM=256m")
            .trim().split("\\s+"));

    private final ControlPlane plane;
    private final String namespace;
    private final Path workDir;
    private int receivers;

    private ReceiverFnBenchmark(ControlPlane plane, Path workDir) {
        this.plane = plane;
        this.namespace = TestNamespace.create(plane, "benchmark").name();
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        int deliveries = Integer.getInteger("deliveries", 5000);
        int concurrency = Integer.getInteger("concurrency", 32);
        int coldRuns = Integer.getInteger("coldstart.runs", 5);
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            ReceiverFnBenchmark benchmark = new ReceiverFnBenchmark(plane, Files.createTempDirectory("hookrelay-bench-"));
            System.out.printf("receiver-fn benchmark: %d deliveries at concurrency %d, %d cores, JDK %s, function JVM %s%n",
                    deliveries, concurrency, Runtime.getRuntime().availableProcessors(), Runtime.version(), THROUGHPUT_JVM);
            Throughput grouped = benchmark.throughput("group commit", Map.of(), deliveries, concurrency);
            Throughput baseline = benchmark.throughput("one write per delivery (baseline)",
                    Map.of("HOOKRELAY_STATUS_MAX_BATCH", "1"), deliveries, concurrency);
            System.out.printf("group commit vs baseline: %.1fx deliveries/s, p99 %.2fx, %.1fx fewer writes%n",
                    grouped.perSecond / baseline.perSecond, grouped.p99Millis / baseline.p99Millis,
                    baseline.writesPerDelivery / grouped.writesPerDelivery);
            if (new ProcessBuilder("wrk", "--version").start().waitFor() != 127) {
                benchmark.throughputWithWrk(concurrency, Integer.getInteger("wrk.seconds", 10));
            }
            benchmark.coldStarts(coldRuns);
        }
    }

    private Throughput throughput(String label, Map<String, String> extraEnv, int deliveries, int concurrency)
            throws Exception {
        ProcessReceiver receiver = newReceiver();
        Map<String, String> env = new HashMap<>(receiver.env());
        env.putAll(extraEnv);
        try (FunctionProcess function = FunctionProcess.start(JDK17, THROUGHPUT_JVM, env, workDir.resolve("throughput.log"))) {
            awaitFirstRecorded(function, receiver, "warmup");
            ExecutorService clients = Executors.newFixedThreadPool(concurrency);
            AtomicInteger next = new AtomicInteger();
            long[] latencies = new long[deliveries];
            List<Future<Integer>> workers = new ArrayList<>();
            long start = System.nanoTime();
            for (int w = 0; w < concurrency; w++) {
                workers.add(clients.submit(() -> {
                    int failures = 0;
                    for (int i = next.getAndIncrement(); i < deliveries; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        int status = receiver.deliver(function, "d-" + i).statusCode();
                        latencies[i] = System.nanoTime() - sent;
                        failures += status == 200 ? 0 : 1;
                    }
                    return failures;
                }));
            }
            int failures = 0;
            for (Future<Integer> worker : workers) {
                failures += worker.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            clients.shutdown();
            Arrays.sort(latencies);
            double writes = scrape(function, "hookrelay_status_writes_total") - 1;
            long counted = receiver.eventCount(plane) - 1;
            Throughput result = new Throughput(deliveries / seconds, latencies[deliveries / 2] / 1e6,
                    latencies[(int) (deliveries * 0.99)] / 1e6, writes / deliveries);
            System.out.printf("%-34s %8.0f deliveries/s  p50 %6.2f ms  p99 %6.2f ms  %.4f writes/delivery  "
                            + "peak RSS %d MiB  non-2xx %d  counted %d/%d%n", label, result.perSecond,
                    result.p50Millis, result.p99Millis, result.writesPerDelivery, function.peakRssKiB() / 1024,
                    failures, counted, deliveries);
            return result;
        }
    }

    /**
     * The same group-commit run driven by wrk, a load generator in C, so that the figure is the
     * function's and the API server's rather than the Java HTTP client's.
     */
    private void throughputWithWrk(int connections, int seconds) throws Exception {
        ProcessReceiver receiver = newReceiver();
        try (FunctionProcess function = FunctionProcess.start(JDK17, THROUGHPUT_JVM, receiver.env(), workDir.resolve("wrk.log"))) {
            awaitFirstRecorded(function, receiver, "warmup");
            Path script = Files.writeString(workDir.resolve("deliveries.lua"), """
                    wrk.method = "POST"
                    wrk.body = [[%s]]
                    local n = 0
                    function setup(thread) thread:set("id", tostring(math.random(1000000000))) end
                    function request()
                      n = n + 1
                      wrk.headers["X-GitHub-Delivery"] = "wrk-" .. id .. "-" .. n
                      return wrk.format()
                    end
                    """.formatted(new String(ProcessReceiver.BODY, StandardCharsets.UTF_8)));
            List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s",
                    "--latency", "-s", script.toString()));
            GitHubDeliveries.headers("push", "unused", ProcessReceiver.BODY, receiver.token()).forEach((name, value) -> {
                if (!name.equals("X-GitHub-Delivery")) {
                    command.addAll(List.of("-H", name + ": " + value));
                }
            });
            command.add(function.uri(FunctionContract.webhookPath(receiver.token(), receiver.name(), receiver.namespace())).toString());
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            double writes = scrape(function, "hookrelay_status_writes_total") - 1;
            long counted = receiver.eventCount(plane) - 1;
            long requests = Long.parseLong(field(output, "(\\d+) requests in"));
            System.out.printf("group commit under wrk (C, %d connections, %d s): %s deliveries/s  p50 %s  p99 %s  "
                            + "%.4f writes/delivery  peak RSS %d MiB  non-2xx %s  counted %d/%d%n", connections, seconds,
                    field(output, "Requests/sec:\\s+([\\d.]+)"), field(output, "50%\\s+(\\S+)"),
                    field(output, "99%\\s+(\\S+)"), writes / requests, function.peakRssKiB() / 1024,
                    output.contains("Non-2xx") ? field(output, "Non-2xx or 3xx responses:\\s+(\\d+)") : "0",
                    counted, requests);
        }
    }

    private static String field(String text, String regex) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's output:\n" + text);
        }
        return matcher.group(1);
    }

    private void coldStarts(int runs) throws Exception {
        Path cds17 = workDir.resolve("receiver-fn-17.jsa");
        Path aot25 = workDir.resolve("receiver-fn-25.aot");
        train(JDK17, List.of("-XX:ArchiveClassesAtExit=" + cds17));
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("JDK 17, plain", JDK17, List.of()),
                new Variant("JDK 17 + AppCDS", JDK17, List.of("-XX:SharedArchiveFile=" + cds17)),
                new Variant("JDK 17 + AppCDS + C1 only", JDK17,
                        List.of("-XX:SharedArchiveFile=" + cds17, "-XX:TieredStopAtLevel=1"))));
        if (Files.isExecutable(JDK25.resolve("bin/java"))) {
            train(JDK25, List.of("-XX:AOTCacheOutput=" + aot25));
            variants.add(new Variant("JDK 25 + AOT cache", JDK25, List.of("-XX:AOTCache=" + aot25)));
            variants.add(new Variant("JDK 25 + AOT cache + C1 only", JDK25,
                    List.of("-XX:AOTCache=" + aot25, "-XX:TieredStopAtLevel=1")));
        }
        System.out.printf("cold start: process start -> first recorded delivery (2xx after the status write), median of %d%n", runs);
        double plain = 0;
        for (Variant variant : variants) {
            double[] millis = new double[runs];
            for (int run = 0; run < runs; run++) {
                ProcessReceiver receiver = newReceiver();
                long start = System.nanoTime();
                try (FunctionProcess function = FunctionProcess.start(variant.javaHome, variant.options, receiver.env(),
                        workDir.resolve("coldstart.log"))) {
                    awaitFirstRecorded(function, receiver, "cold");
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            double median = millis[runs / 2];
            plain = plain == 0 ? median : plain;
            System.out.printf("  %-30s %6.0f ms  (%.2fx of plain JDK 17)%n", variant.label, median, median / plain);
        }
    }

    /** A training run: start, serve a few deliveries, stop; the JVM writes its archive at exit. */
    private void train(Path javaHome, List<String> options) throws Exception {
        ProcessReceiver receiver = newReceiver();
        try (FunctionProcess function = FunctionProcess.start(javaHome, options, receiver.env(), workDir.resolve("training.log"))) {
            awaitFirstRecorded(function, receiver, "train-0");
            for (int i = 1; i < 50; i++) {
                receiver.deliver(function, "train-" + i);
            }
        }
    }

    static void awaitFirstRecorded(FunctionProcess function, ProcessReceiver receiver, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = receiver.deliver(function, id);
                if (response.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException("first delivery answered " + response.statusCode() + ": " + response.body());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof java.net.ConnectException) || !function.process.isAlive()) {
                    throw e;
                }
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException("the function did not answer within 60 s");
    }

    private static double scrape(FunctionProcess function, String metric) {
        String text = RunningFunction.send(HttpRequest.newBuilder(function.metricsUri("/metrics")).GET().build()).body();
        return text.lines().filter(l -> l.startsWith(metric)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private ProcessReceiver newReceiver() throws Exception {
        return ProcessReceiver.create(plane, namespace, "bench-" + receivers++, workDir);
    }

    private record Variant(String label, Path javaHome, List<String> options) {
    }

    private record Throughput(double perSecond, double p50Millis, double p99Millis, double writesPerDelivery) {
    }
}
