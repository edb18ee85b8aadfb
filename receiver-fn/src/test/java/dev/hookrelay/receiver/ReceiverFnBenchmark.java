package dev.hookrelay.receiver;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * receiver-fn as the image runs it (JDK 25, its AOT cache, {@code image/jvm.options}, a 256 MiB
 * container) writing to a real API server, each figure beside a baseline measured in the same run:
 * <ol>
 *   <li>at each concurrency, acknowledged/s, ack p50/p99 and CPU per 1,000 acknowledged against
 *   the floor of a synchronous receiver ({@link SynchronousFloor}), with every 2xx checked against
 *   the Receiver's eventCount; at one connection also the function's own status write sent alone
 *   ({@link StatusWriteAlone}), the least any function recording into a Receiver's status could take;</li>
 *   <li>resident memory idle and under 64 connections, round 1's JVM options against the image's;</li>
 *   <li>cold start, process start to first recorded delivery, and where that time goes;</li>
 *   <li>one Receiver served by 1 and by 3 function processes under the same load.</li>
 * </ol>
 * Run: {@code mvn -q -pl receiver-fn -am -DskipTests -Pbenchmark verify}
 * ({@code -Dlevels=1,8,64,256 -Dlevel.seconds=5 -Dcoldstart.runs=10}; {@code -Dparts=floor,footprint,coldstart,replicas}
 * picks parts); needs wrk on the PATH.
 */
public final class ReceiverFnBenchmark {
    /** What the round-1 image ran with, for the footprint comparison. */
    private static final List<String> ROUND_1_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:MaxRAMPercentage=75");

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
        int[] levels = Arrays.stream(System.getProperty("levels", "1,8,64,256").split(",")).map(String::trim)
                .mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.getInteger("level.seconds", 5);
        int coldRuns = Integer.getInteger("coldstart.runs", 10);
        List<String> parts = List.of(System.getProperty("parts", "floor,footprint,coldstart,replicas").split(","));
        if (!Wrk.installed()) {
            throw new IllegalStateException("the benchmark drives load with wrk, which is not on the PATH: apt-get install wrk");
        }
        Path workDir = Files.createTempDirectory("hookrelay-bench-");
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            ReceiverFnBenchmark benchmark = new ReceiverFnBenchmark(plane, workDir);
            Path shippedOptions = ShippedJvm.IMAGE.resolve("jvm.options");
            System.out.printf("receiver-fn benchmark: %d cores, load average %s, levels %s x %d s; function JVM: JDK 25, "
                            + "AOT cache trained by image/train-aot-cache.sh, image/jvm.options (%s), %s%n",
                    Runtime.getRuntime().availableProcessors(), loadAverage(), Arrays.toString(levels), seconds,
                    ShippedJvm.describe(shippedOptions), ShippedJvm.CONTAINER);
            ShippedJvm shipped = ShippedJvm.image(workDir);
            if (parts.contains("floor")) {
                benchmark.againstFloor(shipped, levels, seconds);
            }
            if (parts.contains("footprint")) {
                ShippedJvm round1 = ShippedJvm.train("round 1",
                        ShippedJvm.optionsFile(workDir, "round-1", ROUND_1_OPTIONS), workDir);
                benchmark.footprint(List.of(round1, shipped), Math.max(seconds, 5));
            }
            if (parts.contains("coldstart")) {
                new ColdStart(plane, workDir, benchmark::newReceiver).report(shipped, coldRuns);
            }
            if (parts.contains("replicas")) {
                new SeveralReplicas(plane, workDir, benchmark::newReceiver).report(shipped, List.of(1, 3), 64,
                        Math.max(seconds, 5));
            }
            System.out.printf("load average at the end: %s; logs in %s%n", loadAverage(), workDir);
        }
    }

    private void againstFloor(ShippedJvm jvm, int[] levels, int seconds) throws Exception {
        ProcessReceiver receiver = newReceiver();
        SynchronousFloor floor = SynchronousFloor.create(plane, namespace, workDir);
        List<Long> controlPlane = ProcessCpu.controlPlane();
        try (FunctionProcess function = jvm.start(receiver.env(), workDir.resolve("levels.log"))) {
            receiver.awaitFirstRecorded(function, "warm-up");
            receiver.load(function, workDir, "warm-up", 8, 2);
            floor.load("warm-up", 8, 1);
            StatusWriteAlone writeAlone = StatusWriteAlone.like(plane, receiver, newReceiver(), workDir);
            System.out.printf("%nacknowledged deliveries against the floor (a synchronous receiver: one merge-PATCH of an "
                    + "annotation per delivery, sent by wrk straight to the API server); CPU = /proc utime+stime%n");
            System.out.printf("%5s  %-9s %8s %9s %9s  %-44s %s%n", "conns", "", "ack/s", "p50 ms", "p99 ms",
                    "CPU s per 1,000 acknowledged", "answers");
            for (int connections : levels) {
                long countedBefore = receiver.settledEventCount(plane);
                double writesBefore = function.scrape("hookrelay_status_writes_total");
                double commitSecondsBefore = function.scrape("hookrelay_status_commit_seconds_sum");
                double commitsBefore = function.scrape("hookrelay_status_commit_seconds_count");
                double functionCpu = ProcessCpu.seconds(function.process.pid());
                double planeCpu = ProcessCpu.seconds(controlPlane);
                Wrk.Result hookrelay = receiver.load(function, workDir, "c" + connections, connections, seconds);
                functionCpu = ProcessCpu.seconds(function.process.pid()) - functionCpu;
                planeCpu = ProcessCpu.seconds(controlPlane) - planeCpu;
                long counted = receiver.settledEventCount(plane) - countedBefore;
                double writes = function.scrape("hookrelay_status_writes_total") - writesBefore;
                double commitMillis = 1000 * (function.scrape("hookrelay_status_commit_seconds_sum") - commitSecondsBefore)
                        / Math.max(1, function.scrape("hookrelay_status_commit_seconds_count") - commitsBefore);

                double floorCpu = ProcessCpu.seconds(controlPlane);
                Wrk.Result baseline = floor.load("c" + connections, connections, seconds);
                floorCpu = ProcessCpu.seconds(controlPlane) - floorCpu;

                double perKilo = 1000.0 / Math.max(1, hookrelay.ok());
                double floorPerKilo = 1000.0 / Math.max(1, baseline.ok());
                System.out.printf("%5d  %-9s %8.0f %9.2f %9.2f  %-44s %s%n", connections, "Hookrelay",
                        hookrelay.okPerSecond(), hookrelay.p50Millis(), hookrelay.p99Millis(),
                        "%.2f (function %.2f + apiserver/etcd %.2f)".formatted((functionCpu + planeCpu) * perKilo,
                                functionCpu * perKilo, planeCpu * perKilo),
                        answers(hookrelay, counted, connections, writes)
                                + "; status write (batch taken -> committed) mean %.2f ms".formatted(commitMillis));
                System.out.printf("%5s  %-9s %8.0f %9.2f %9.2f  %-44s %d 2xx, %d non-2xx, %d socket errors%n", "",
                        "floor", baseline.okPerSecond(), baseline.p50Millis(), baseline.p99Millis(),
                        "%.2f (apiserver/etcd)".formatted(floorCpu * floorPerKilo), baseline.ok(), baseline.non2xx(),
                        baseline.socketErrors());
                double cpuRatio = (functionCpu + planeCpu) * perKilo / (floorCpu * floorPerKilo);
                System.out.printf("%5s  %-9s %7.2fx %8.2fx %8.2fx  %-44s %s%n", "", "ratio",
                        hookrelay.okPerSecond() / baseline.okPerSecond(), hookrelay.p50Millis() / baseline.p50Millis(),
                        hookrelay.p99Millis() / baseline.p99Millis(), "%.2fx".formatted(cpuRatio),
                        target(connections, hookrelay, baseline, counted));
                if (connections == 1) {
                    double aloneCpu = ProcessCpu.seconds(controlPlane);
                    Wrk.Result alone = writeAlone.load("alone", seconds);
                    aloneCpu = ProcessCpu.seconds(controlPlane) - aloneCpu;
                    System.out.printf("%5s  %-9s %8.0f %9.2f %9.2f  %-44s %d 2xx, %d non-2xx; Hookrelay's p50 is %.2fx "
                                    + "this, this is %.2fx the floor's%n", "", "its write", alone.okPerSecond(),
                            alone.p50Millis(), alone.p99Millis(), "%.2f (apiserver/etcd)".formatted(
                                    aloneCpu * 1000.0 / Math.max(1, alone.ok())), alone.ok(), alone.non2xx(),
                            hookrelay.p50Millis() / alone.p50Millis(), alone.p50Millis() / baseline.p50Millis());
                }
            }
        }
    }

    private static String answers(Wrk.Result result, long counted, int connections, double writes) {
        return "%d 2xx, %d non-2xx, %d socket errors; eventCount +%d (%s); %.3f status writes per ack".formatted(
                result.ok(), result.non2xx(), result.socketErrors(), counted, everyAckCounted(result, counted, connections)
                        ? "every 2xx counted" : "NOT every 2xx counted", writes / Math.max(1, result.ok()));
    }

    /**
     * Every delivery answered 2xx is in eventCount; at most one more per connection may be counted:
     * the requests wrk abandons unanswered at its deadline, which the function still records.
     */
    private static boolean everyAckCounted(Wrk.Result result, long counted, int connections) {
        return counted >= result.ok() && counted <= result.ok() + connections;
    }

    private static String target(int connections, Wrk.Result hookrelay, Wrk.Result floor, long counted) {
        return switch (connections) {
            case 1 -> verdict("ack p50 <= 1.2x the floor's", hookrelay.p50Millis() <= 1.2 * floor.p50Millis());
            case 8 -> verdict(">= 3x the floor's throughput", hookrelay.okPerSecond() >= 3 * floor.okPerSecond());
            case 64 -> verdict("p99 < 50 ms", hookrelay.p99Millis() < 50);
            case 256 -> verdict(">= 5,000/s, every 2xx counted",
                    hookrelay.okPerSecond() >= 5000 && everyAckCounted(hookrelay, counted, connections));
            default -> "";
        };
    }

    private static String verdict(String target, boolean met) {
        return "target " + target + ": " + (met ? "met" : "NOT met");
    }

    /** Resident memory of the function idle and under 64 connections, per set of JVM options. */
    private void footprint(List<ShippedJvm> jvms, int seconds) throws Exception {
        System.out.printf("%nfootprint, function JVM in a 256 MiB container (%s), 64 connections for %d s%n",
                ShippedJvm.CONTAINER, seconds);
        System.out.printf("  %-10s %14s %16s %16s %9s%n", "options", "idle RSS MiB", "peak RSS MiB", "after load MiB", "ack/s");
        for (ShippedJvm jvm : jvms) {
            ProcessReceiver receiver = newReceiver();
            try (FunctionProcess function = jvm.start(receiver.env(), workDir.resolve("footprint.log"))) {
                receiver.awaitFirstRecorded(function, "first");
                Thread.sleep(2000);
                long idle = function.rssKiB();
                Wrk.Result load = receiver.load(function, workDir, "footprint", 64, seconds);
                long peak = function.peakRssKiB();
                Thread.sleep(3000);
                long after = function.rssKiB();
                System.out.printf("  %-10s %14.0f %16.0f %16.0f %9.0f   (targets: idle < 96, under load < 128)%n",
                        jvm.label(), idle / 1024.0, peak / 1024.0, after / 1024.0, load.okPerSecond());
            }
        }
    }


    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    ProcessReceiver newReceiver() throws Exception {
        return ProcessReceiver.create(plane, namespace, "bench-" + receivers++, workDir);
    }
}
