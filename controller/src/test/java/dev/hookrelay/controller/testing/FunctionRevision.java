package dev.hookrelay.controller.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.receiver.FunctionProcess;
import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Plays Knative for one revision: runs a Receiver's function as its own process, from the jar the
 * image ships, exactly as the Knative Service's current template describes it — its env, the
 * Secret keys it mounts (written to files where the template mounts them), and its
 * ServiceAccount's credentials.
 */
public final class FunctionRevision implements AutoCloseable {
    private final FunctionProcess function;
    private final JsonObject container;
    private final long generation;

    private FunctionRevision(FunctionProcess function, JsonObject container, long generation) {
        this.function = function;
        this.container = container;
        this.generation = generation;
    }

    /** The revision of the Knative Service's template as it is now. */
    public static FunctionRevision start(ControlPlane plane, Cluster cluster, String receiver) {
        DynamicKubernetesObject service = cluster.awaitKnativeService("hookrelay-" + receiver);
        JsonObject podSpec = service.getRaw().getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec");
        JsonObject container = podSpec.getAsJsonArray("containers").get(0).getAsJsonObject();
        Map<String, Path> mountedFiles = mountedFiles(cluster, podSpec, container);
        Map<String, String> processEnv = new HashMap<>();
        env(container).forEach((name, value) -> processEnv.put(name,
                mountedFiles.containsKey(value) ? mountedFiles.get(value).toString() : value));
        processEnv.put("HOOKRELAY_KUBECONFIG", plane.kubeconfigForServiceAccount(cluster.namespace(),
                podSpec.get("serviceAccountName").getAsString()).toString());
        return new FunctionRevision(FunctionProcess.startPackaged(receiver, processEnv), container,
                service.getMetadata().getGeneration());
    }

    /** Every file the template mounts from a Secret, by its path in the container, written here with the Secret's value now. */
    private static Map<String, Path> mountedFiles(Cluster cluster, JsonObject podSpec, JsonObject container) {
        Map<String, JsonObject> volumes = new HashMap<>();
        podSpec.getAsJsonArray("volumes").forEach(v -> volumes.put(v.getAsJsonObject().get("name").getAsString(),
                v.getAsJsonObject()));
        Map<String, Path> files = new HashMap<>();
        try {
            for (JsonElement element : container.getAsJsonArray("volumeMounts")) {
                JsonObject mount = element.getAsJsonObject();
                JsonObject secretVolume = volumes.get(mount.get("name").getAsString()).getAsJsonObject("secret");
                V1Secret secret = cluster.secret(secretVolume.get("secretName").getAsString());
                Path dir = Files.createTempDirectory("mount-");
                for (JsonElement item : secretVolume.getAsJsonArray("items")) {
                    String key = item.getAsJsonObject().get("key").getAsString();
                    String path = item.getAsJsonObject().get("path").getAsString();
                    files.put(mount.get("mountPath").getAsString() + "/" + path,
                            Files.write(dir.resolve(path), secret.getData().get(key)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    public static Map<String, String> env(JsonObject container) {
        Map<String, String> env = new HashMap<>();
        container.getAsJsonArray("env").forEach(e -> env.put(e.getAsJsonObject().get("name").getAsString(),
                e.getAsJsonObject().has("value") ? e.getAsJsonObject().get("value").getAsString() : ""));
        return env;
    }

    /** Where it listens, as the Knative Service's status.url would name it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + function.port;
    }

    /** The env it was started with. */
    public Map<String, String> env() {
        return env(container);
    }

    /** The Knative Service's generation whose template it runs. */
    public long generation() {
        return generation;
    }

    /** Deliveries it verified with the token a rotation replaced (its metric). */
    public double previousTokenDeliveries() {
        return function.scrape("hookrelay_deliveries_previous_token_total");
    }

    @Override
    public void close() {
        stop(function);
    }

    private static void stop(FunctionProcess function) {
        try {
            function.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
