package dev.hookrelay.receiver;

import dev.hookrelay.testing.FreePort;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** receiver-fn as its own process, started from the packaged jar the image ships. */
final class FunctionProcess implements AutoCloseable {
    static final Path JAR = Path.of("target/hookrelay-receiver-fn.jar");

    final int port;
    final int metricsPort;
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

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI metricsUri(String path) {
        return URI.create("http://127.0.0.1:" + metricsPort + path);
    }

    /** The sum of a metric's samples in /metrics, for example hookrelay_status_writes_total. */
    double scrape(String metric) {
        String text = RunningFunction.send(java.net.http.HttpRequest.newBuilder(metricsUri("/metrics")).GET().build()).body();
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
