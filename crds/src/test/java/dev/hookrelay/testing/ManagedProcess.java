package dev.hookrelay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process whose output goes to a log file, with bounded waits that explain failures. */
final class ManagedProcess {
    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    // Runs the command and stops it when asked or when the JVM that started it is gone,
    // so a killed test run leaves no etcd or kube-apiserver behind.
    private static final String ORPHAN_GUARD = """
            jvm=$1; shift
            "$@" & child=$!
            trap 'kill $child 2>/dev/null; wait $child; exit 143' TERM INT
            while kill -0 "$jvm" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.5; done
            kill $child 2>/dev/null; wait $child
            """;

    ManagedProcess(String name, List<String> command, Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    void start() {
        List<String> guarded = new java.util.ArrayList<>(List.of("bash", "-c", ORPHAN_GUARD, name,
                Long.toString(ProcessHandle.current().pid())));
        guarded.addAll(command);
        try {
            process = new ProcessBuilder(guarded)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Polls until the check passes; fails early, with the log's tail, if the process exits. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ProcessFailedException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(50);
        }
        stop();
        throw new ProcessFailedException(name + " was not ready within " + timeout.toSeconds() + " s:\n" + logTail());
    }

    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A component that died or did not become ready; the message carries its log's tail. */
    static final class ProcessFailedException extends IllegalStateException {
        ProcessFailedException(String message) {
            super(message);
        }

        boolean isPortClash() {
            return getMessage().contains("address already in use");
        }
    }
}
