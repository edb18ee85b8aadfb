package dev.hookrelay.receiver;

import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** receiver-fn as its own process, started from the packaged jar the image ships. */
public final class FunctionProcess implements AutoCloseable {
    /** receiver-fn's jar; other modules' tests name it with the system property hookrelay.function.jar. */
    static final Path JAR = Path.of(System.getProperty("hookrelay.function.jar", "target/hookrelay-receiver-fn.jar"));

    public final int port;
    public final int metricsPort;
    final Process process;

    private FunctionProcess(int port, int metricsPort, Process process) {
        this.port = port;
        this.metricsPort = metricsPort;
        this.process = process;
    }

    static FunctionProcess start(Path javaHome, List<String> jvmOptions, Map<String, String> env, Path log) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; package receiver-fn first");
        }
        return start(javaHome, jvmOptions, List.of("-jar", JAR.toString()), env, log);
    }

    /**
     * From the packaged jar on this JVM's java (test-sized heap, C1 only), once it answers
     * /health; its output goes to target/function-logs/{name}-*.log.
     */
    public static FunctionProcess startPackaged(String name, Map<String, String> env) {
        return startPackaged(name, env, Path.of(System.getProperty("java.home")), List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"));
    }

    /** The same on the JVM the image runs (a benchmark's choice: training its AOT cache takes a while). */
    public static FunctionProcess startPackaged(String name, Map<String, String> env, ShippedJvm jvm) {
        return startPackaged(name, env, jvm.javaHome(), jvm.options());
    }

    private static FunctionProcess startPackaged(String name, Map<String, String> env, Path javaHome, List<String> options) {
        Path log;
        try {
            log = Files.createTempFile(Files.createDirectories(Path.of("target/function-logs")), name + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FunctionProcess function = start(javaHome, options, env, log);
        try {
            function.awaitHealthy(log);
            return function;
        } catch (RuntimeException | AssertionError e) {
            function.process.destroyForcibly();
            throw e;
        }
    }

    /** From this JVM's class path, for tests that run before the jar is packaged. */
    static FunctionProcess startFromClassPath(List<String> jvmOptions, Map<String, String> env, Path log) {
        return start(Path.of(System.getProperty("java.home")), jvmOptions,
                List.of("-cp", System.getProperty("java.class.path"), Application.class.getName()), env, log);
    }

    private static FunctionProcess start(Path javaHome, List<String> jvmOptions, List<String> program,
                                         Map<String, String> env, Path log) {
        try {
            int port = FreePort.pick();
            int metricsPort = FreePort.pick();
            List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
            command.addAll(jvmOptions);
            command.addAll(program);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            builder.environment().put("HOOKRELAY_METRICS_PORT", Integer.toString(metricsPort));
            return new FunctionProcess(port, metricsPort, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until it answers /health; fails at once if it exited. */
    public void awaitHealthy(Path log) {
        Eventually.await("function process on port " + port + " healthy (log: " + log + ")", Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                throw new AssertionError("the function process exited; see " + log);
            }
            try {
                return RunningFunction.send(HttpRequest.newBuilder(uri("/health")).GET().build()).statusCode() == 200;
            } catch (IllegalStateException e) {
                return false;
            }
        });
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI metricsUri(String path) {
        return URI.create("http://127.0.0.1:" + metricsPort + path);
    }

    /** The sum of a metric's samples in /metrics, for example hookrelay_status_writes_total. */
    public double scrape(String metric) {
        return scrape(metricsUri("/metrics"), metric);
    }

    static double scrape(URI metrics, String metric) {
        String text = RunningFunction.send(HttpRequest.newBuilder(metrics).GET().build()).body();
        return text.lines().filter(l -> l.startsWith(metric)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Peak resident set size, from the kernel's high-water mark. */
    long peakRssKiB() throws IOException {
        return status("VmHWM:");
    }

    /** Resident set size now. */
    long rssKiB() throws IOException {
        return status("VmRSS:");
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no " + field + " for " + process.pid());
    }

    /** Stops the way Knative does (SIGTERM), so an archive requested at exit gets written. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

}
