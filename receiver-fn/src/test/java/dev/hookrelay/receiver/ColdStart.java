package dev.hookrelay.receiver;

import dev.hookrelay.testing.ControlPlane;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Process start to the first recorded delivery (a 2xx only comes after the status write), and
 * where that time goes: before Micronaut starts (JVM, class loading), Micronaut's own start
 * (context and server bind, from its "Startup completed" line), and the wait after the bind for
 * the status write, whose Kubernetes client the function builds on its writer thread while the
 * context starts. The client's parts are timed again in fresh JVMs by {@link ApiClientStartup},
 * for the function's client (JDK HttpClient, HTTP/1.1), the JDK's client over HTTP/2, and client-java.
 */
final class ColdStart {
    private static final Pattern MICRONAUT = Pattern.compile("Startup completed in (\\d+)ms");
    private static final Pattern PROBE = Pattern.compile(
            "RESULT setup=([\\d.]+) firstGet=([\\d.]+) secondGet=([\\d.]+) patch=([\\d.]+) event=([\\d.]+)");
    private static final int PROBE_RUNS = 5;

    private final ControlPlane plane;
    private final Path workDir;
    private final Callable<ProcessReceiver> receivers;

    ColdStart(ControlPlane plane, Path workDir, Callable<ProcessReceiver> receivers) {
        this.plane = plane;
        this.workDir = workDir;
        this.receivers = receivers;
    }

    void report(ShippedJvm jvm, int runs) throws Exception {
        double[] total = new double[runs];
        double[] bound = new double[runs];
        double[] micronaut = new double[runs];
        double[] cpu = new double[runs];
        for (int run = 0; run < runs; run++) {
            ProcessReceiver receiver = receivers.call();
            Path log = workDir.resolve("coldstart-" + run + ".log");
            long start = System.nanoTime();
            try (FunctionProcess function = jvm.start(receiver.env(), log)) {
                awaitPort(function);
                bound[run] = (System.nanoTime() - start) / 1e6;
                receiver.awaitFirstRecorded(function, "cold");
                total[run] = (System.nanoTime() - start) / 1e6;
                cpu[run] = ProcessCpu.seconds(function.process.pid()) * 1000;
            }
            micronaut[run] = micronautMillis(log);
        }
        double median = median(total);
        System.out.printf("%ncold start, %s JVM: process start -> first recorded delivery, median of %d: %.0f ms "
                        + "(min %.0f, max %.0f; target < 500 ms: %s)%n", jvm.label(), runs, median,
                Arrays.stream(total).min().orElse(0), Arrays.stream(total).max().orElse(0), median < 500 ? "met" : "NOT met");
        System.out.printf("  CPU the function used until then (user + system, less sensitive to other load than the "
                + "wall clock): median %.0f ms%n", median(cpu));
        double[] beforeMicronaut = new double[runs];
        double[] afterBind = new double[runs];
        for (int run = 0; run < runs; run++) {
            beforeMicronaut[run] = bound[run] - micronaut[run];
            afterBind[run] = total[run] - bound[run];
        }
        System.out.printf("  where it goes (medians): JVM start and class loading until Micronaut starts %.0f ms; "
                        + "Micronaut context + server bind %.0f ms; bind -> first recorded %.0f ms%n",
                median(beforeMicronaut), median(micronaut), median(afterBind));
        outsideTheCache(jvm);
        probeClients(jvm);
    }

    /**
     * One more cold start that logs class loading: the classes read from a jar or the JDK's modules
     * rather than from the AOT cache on the way to the first recorded delivery are what the training
     * missed (classes generated at run time, such as lambdas, are not counted).
     */
    private void outsideTheCache(ShippedJvm jvm) throws Exception {
        ProcessReceiver receiver = receivers.call();
        Path classLog = workDir.resolve("coldstart-classes.log");
        List<String> options = new ArrayList<>(jvm.options());
        options.add("-Xlog:class+load=info:file=" + classLog);
        try (FunctionProcess function = FunctionProcess.start(jvm.javaHome(), options, receiver.env(),
                workDir.resolve("coldstart-classes-run.log"))) {
            receiver.awaitFirstRecorded(function, "cold");
        }
        List<String> missed = Files.readAllLines(classLog).stream().filter(l -> l.contains(" source: file:")
                || l.contains(" source: jrt:")).map(l -> l.replaceAll(".*\\] (\\S+) source: .*", "$1")).toList();
        System.out.printf("  classes loaded outside the AOT cache until the first recorded delivery: %d%s%n", missed.size(),
                missed.isEmpty() ? "" : " (" + String.join(", ", missed.subList(0, Math.min(8, missed.size())))
                        + (missed.size() > 8 ? ", ..." : "") + "; all in " + classLog + ")");
    }

    /** The Kubernetes client's share, timed alone in fresh JVMs with the image's options (no AOT cache). */
    private void probeClients(ShippedJvm jvm) throws Exception {
        ProcessReceiver receiver = receivers.call();
        List<String> options = jvm.options().stream().filter(o -> !o.startsWith("-XX:AOT")).toList();
        System.out.printf("  the function's three API calls in a fresh JVM (JDK 25, image options, no AOT cache), medians of %d rounds, the clients in turn after one untimed probe:%n",
                PROBE_RUNS);
        System.out.printf("    %-42s %8s %14s %11s %8s %8s%n", "client", "set-up", "1st GET (TLS)", "2nd GET", "PATCH",
                "Event");
        // one probe of each client in turn, round after round, so that none pays alone for a cold page cache
        List<String> modes = List.of("function", "jdk-http2", "client-java");
        Map<String, double[][]> phases = new LinkedHashMap<>();
        probe(jvm, options, "function", receiver);
        for (int run = 0; run < PROBE_RUNS; run++) {
            for (String mode : modes) {
                Matcher m = PROBE.matcher(probe(jvm, options, mode, receiver));
                if (!m.find()) {
                    throw new IllegalStateException("ApiClientStartup printed no result");
                }
                for (int g = 1; g <= 5; g++) {
                    phases.computeIfAbsent(mode, k -> new double[5][PROBE_RUNS])[g - 1][run] = Double.parseDouble(m.group(g));
                }
            }
        }
        for (String mode : modes) {
            double[][] p = phases.get(mode);
            System.out.printf("    %-42s %8.0f %14.0f %11.1f %8.1f %8.1f%n",
                    switch (mode) {
                        case "function" -> "the function's (JDK HttpClient, HTTP/1.1)";
                        case "jdk-http2" -> "JDK HttpClient over HTTP/2";
                        default -> "client-java 22";
                    },
                    median(p[0]), median(p[1]), median(p[2]), median(p[3]), median(p[4]));
        }
    }

    private String probe(ShippedJvm jvm, List<String> options, String mode, ProcessReceiver receiver) throws Exception {
        List<String> command = new ArrayList<>(List.of(jvm.javaHome().resolve("bin/java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ApiClientStartup.class.getName(), mode,
                receiver.env().get("HOOKRELAY_KUBECONFIG"), receiver.namespace(), receiver.name()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ApiClientStartup " + mode + " failed:\n" + output);
        }
        return output;
    }

    private static void awaitPort(FunctionProcess function) throws InterruptedException {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", function.port), 1000);
                return;
            } catch (IOException e) {
                if (!function.process.isAlive()) {
                    throw new IllegalStateException("the function exited with " + function.process.exitValue());
                }
                Thread.sleep(2);
            }
        }
    }

    private static double micronautMillis(Path log) throws IOException {
        Matcher m = MICRONAUT.matcher(Files.readString(log));
        if (!m.find()) {
            throw new IllegalStateException("no \"Startup completed\" line in " + log);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
