package dev.hookrelay.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Where the control plane's binaries and third-party CRDs are: the directory that
 * {@code crds/controlplane/assets.sh} builds and caches, or {@code KUBEBUILDER_ASSETS}.
 */
public record ControlPlaneAssets(Path directory) {
    static final String SCRIPT = "crds/controlplane/assets.sh";

    public Path binary(String name) {
        Path binary = directory.resolve(name);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException(binary + " is missing; run `bash " + SCRIPT + "` to build it");
        }
        return binary;
    }

    /** CRD manifests of another project, fetched by the assets script, for example "knative-serving". */
    public List<Path> crds(String project) {
        Path dir = directory.resolve("crds").resolve(project);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("no CRDs of " + project + " in " + dir + "; run `bash " + SCRIPT + "`", e);
        }
    }

    /** Asks the assets script, without building anything, where the cached assets are. */
    public static ControlPlaneAssets locate() {
        Path script = projectRoot().resolve(SCRIPT);
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--check")
                    .redirectErrorStream(false)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("the test control plane is not built: " + err);
            }
            return new ControlPlaneAssets(Path.of(out));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locating the control plane", e);
        }
    }

    /** The checkout's root: the nearest directory upwards that holds the assets script. */
    public static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(SCRIPT))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find " + SCRIPT + " above " + Path.of("").toAbsolutePath());
    }
}
