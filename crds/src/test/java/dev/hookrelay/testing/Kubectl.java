package dev.hookrelay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl, as a user runs it against the control plane with the admin kubeconfig. */
public final class Kubectl {
    private final ControlPlane plane;

    public Kubectl(ControlPlane plane) {
        this.plane = plane;
    }

    /** Runs kubectl with these arguments; fails with its output unless it exits 0. */
    public String run(String... args) {
        Result result = tryRun(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", args) + " exited "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    public Result tryRun(String... args) {
        List<String> command = new ArrayList<>(List.of(plane.assets().binary("kubectl").toString(),
                "--kubeconfig", plane.kubeconfig().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .directory(ControlPlaneAssets.projectRoot().toFile()).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public record Result(int exitCode, String output) {
    }
}
