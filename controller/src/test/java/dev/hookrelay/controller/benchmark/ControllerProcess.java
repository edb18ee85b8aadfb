package dev.hookrelay.controller.benchmark;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.ControlPlane;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controller as its own process, as a pod runs it: the main class on the image's class
 * path, the given JVM flags, the control plane's kubeconfig; and what it holds in memory.
 */
final class ControllerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ControllerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Started with the Lease in {@code leaseNamespace}; its output goes to {@code logName} in the plane's work dir. */
    /** The jar and lib/ the image holds, as packaged in this build. */
    private static final Path JAR = Path.of("target/hookrelay-controller.jar");

    static ControllerProcess start(ControlPlane plane, String leaseNamespace, String jvmArgs, String logName)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(jvmArgs.trim().split("\\s+")));
        command.add("-Dkubernetes.client.kube-config-path=" + plane.kubeconfig());
        command.add("-Dkubernetes.client.namespace=" + leaseNamespace);
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing; package the controller first");
        }
        command.add("-jar");
        command.add(JAR.toString());
        Path log = plane.workDir().resolve(logName);
        System.out.println("Controller log: " + log);
        return new ControllerProcess(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start(), log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void awaitLeader(Cluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cluster.leaseHolder("hookrelay-controller") == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the controller did not take the Lease within 60 s; see " + log);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the log has a line containing {@code text}; false if the process ended or time ran out first. */
    boolean awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(log).contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return Files.readString(log).contains(text);
    }

    /** Heap after a full GC (what stays live) and before it, from jcmd; RSS from /proc. */
    Memory memory() throws IOException, InterruptedException {
        long before = heapUsedMegabytes();
        jcmd("GC.run");
        long live = heapUsedMegabytes();
        long rssKb = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L);
        return new Memory(live, before, rssKb / 1024);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private long heapUsedMegabytes() throws IOException, InterruptedException {
        String info = jcmd("GC.heap_info");
        // every generation's line (Serial: young and tenured) or G1's one heap line; not Metaspace's
        Matcher used = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K").matcher(info);
        long kilobytes = 0;
        boolean found = false;
        while (used.find()) {
            kilobytes += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no heap figure from jcmd: " + info.trim());
        }
        return kilobytes / 1024;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Megabytes: heap live after a full GC, heap used before it, resident set size. */
    record Memory(long heapLive, long heapBefore, long rss) {
        String heap() {
            return heapLive + " MB live after a full GC, " + heapBefore + " MB before";
        }
    }
}
