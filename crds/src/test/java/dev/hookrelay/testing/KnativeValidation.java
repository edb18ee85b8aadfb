package dev.hookrelay.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Knative Serving's own defaulting and validation of one Service ({@code knative-validate}), as
 * its admission webhook runs them on a create, or on an update of {@code old}.
 */
public final class KnativeValidation {
    private KnativeValidation() {
    }

    /** What Knative makes of a Service: the object it stores, and its warnings. */
    public record Result(JsonObject defaulted, List<String> warnings) {
    }

    public static Result create(JsonObject service) {
        return run(null, service);
    }

    public static Result update(JsonObject old, JsonObject service) {
        return run(old, service);
    }

    /** Fails with Knative's message when Knative refuses the Service. */
    private static Result run(JsonObject old, JsonObject service) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("knative-validate-");
            List<String> command = new ArrayList<>(List.of(ControlPlaneAssets.locate().binary("knative-validate").toString()));
            if (old != null) {
                command.addAll(List.of("-old", Files.writeString(dir.resolve("old.json"), old.toString()).toString()));
            }
            command.add(Files.writeString(dir.resolve("new.json"), service.toString()).toString());
            Path stderr = dir.resolve("stderr");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("knative-validate did not finish within 30 s");
            }
            List<String> diagnostics = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("Knative refuses the Service: " + String.join("\n", diagnostics));
            }
            List<String> warnings = diagnostics.stream().filter(l -> l.startsWith("warning: "))
                    .map(l -> l.substring("warning: ".length())).toList();
            return new Result(JsonParser.parseString(out).getAsJsonObject(), warnings);
        } catch (IOException e) {
            throw new IllegalStateException("could not run knative-validate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running knative-validate", e);
        } finally {
            if (dir != null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary directory left behind is harmless
                }
            }
        }
    }
}
