package dev.hookrelay.controller.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.controller.Application;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.FreePort;
import dev.hookrelay.testing.Kubectl;
import dev.hookrelay.testing.Manifests;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Hookrelay's main job on one machine: the embedded control plane, the controller, the example
 * GitHub Receiver, and that Receiver's function run locally in place of Knative — from the
 * environment and Secret the controller put into the Knative Service.
 */
public final class LocalHookrelay implements AutoCloseable {
    static final String NAMESPACE = "default";
    static final String RECEIVER = "podinfo-github";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path FUNCTION_JAR = Path.of("receiver-fn/target/hookrelay-receiver-fn.jar");

    private final ControlPlane plane;
    private final ApplicationContext controller;
    private final Process function;
    private final String url;
    private final String token;

    private LocalHookrelay(ControlPlane plane, ApplicationContext controller, Process function, String url, String token) {
        this.plane = plane;
        this.controller = controller;
        this.function = function;
        this.url = url;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        try (LocalHookrelay local = start(ControlPlane.shared())) {
            // Ctrl-C or SIGTERM: stop the function process too (the control plane has its own hook).
            Runtime.getRuntime().addShutdownHook(new Thread(local::close, "local-stop"));
            Path kubeconfig = ControlPlaneAssets.projectRoot().resolve(".hookrelay/kubeconfig");
            Files.createDirectories(kubeconfig.getParent());
            Files.copy(local.plane.kubeconfig(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
            local.printInstructions(System.out, kubeconfig, (System.nanoTime() - start) / 1_000_000);
            if (List.of(args).contains("--send-sample-push")) {
                System.out.println(local.sendSamplePush());
                System.out.println(new Kubectl(local.plane).run("get", "receivers", "-n", NAMESPACE));
            } else {
                Thread.currentThread().join();
            }
        }
        // everything is closed; client-java's leader election leaves non-daemon threads behind
        System.exit(0);
    }

    /** Everything up and the Receiver Ready, its URL pointing at the local function. */
    public static LocalHookrelay start(ControlPlane plane) throws Exception {
        Path root = ControlPlaneAssets.projectRoot();
        if (!Files.exists(root.resolve(FUNCTION_JAR))) {
            throw new IllegalStateException(FUNCTION_JAR + " is missing; build it with `mvn -pl receiver-fn -am -DskipTests package`");
        }
        plane.crds().install(plane.assets().crds("flux"));
        ApplicationContext controller = Micronaut.build(new String[0]).mainClass(Application.class).environments("k8s")
                .properties(Map.of(
                        "kubernetes.client.kube-config-path", plane.kubeconfig().toString(),
                        "micronaut.server.port", -1,
                        "kubernetes.client.namespace", NAMESPACE,
                        "hookrelay.controller.namespaces", List.of(NAMESPACE),
                        "hookrelay.controller.leader-election.lease-namespace", NAMESPACE))
                .start();
        for (Path example : List.of(root.resolve("knative/examples/github-flux.yaml"))) {
            for (DynamicKubernetesObject object : Manifests.read(example)) {
                var created = Manifests.create(plane.adminClient(), NAMESPACE, object);
                if (!created.isSuccess() && created.getHttpStatusCode() != 409) {
                    created.throwsApiException();
                }
            }
        }
        DynamicKubernetesObject service = Eventually.await("the controller to create the Knative Service", TIMEOUT, () -> knativeService(plane));
        String token = secretToken(plane, Eventually.await("the controller to create the token Secret", TIMEOUT, () -> tokenSecretName(service)));
        Path work = Files.createDirectories(root.resolve(".hookrelay/function"));
        Path tokenFile = Files.writeString(work.resolve("token"), token);
        int port = FreePort.pick();
        Process function = startFunction(root.resolve(FUNCTION_JAR), service, Map.of(
                FunctionContract.ENV_TOKEN_FILE, tokenFile.toString(),
                "HOOKRELAY_KUBECONFIG", plane.kubeconfigForServiceAccount(NAMESPACE, serviceAccount(service)).toString(),
                "MICRONAUT_SERVER_PORT", Integer.toString(port),
                "HOOKRELAY_METRICS_PORT", Integer.toString(FreePort.pick())), work.resolve("receiver-fn.log"));
        String base = "http://127.0.0.1:" + port;
        Eventually.await("receiver-fn to answer on " + base, TIMEOUT, () -> healthy(base));
        new Cluster(plane, NAMESPACE).markKnativeServiceReady(service.getMetadata().getName(), base);
        String url = Eventually.await("the Receiver to be Ready with its URL", TIMEOUT, () -> readyUrl(plane));
        return new LocalHookrelay(plane, controller, function, url, token);
    }

    public String url() {
        return url;
    }

    /** A shell command that sends a push signed the way GitHub signs it. */
    public String samplePushCommand() {
        String body = "{\"ref\":\"refs/heads/master\",\"after\":\"" + "b9d9d2a4e1cc9d0e2d1c1b3a5f8e7d6c5b4a3928"
                + "\",\"repository\":{\"full_name\":\"stefanprodan/podinfo\"},\"sender\":{\"login\":\"you\"}}";
        return "BODY='" + body + "'; curl -sS -X POST '" + url + "' -H 'Content-Type: application/json' "
                + "-H 'X-GitHub-Event: push' -H \"X-GitHub-Delivery: $(date +%s%N)\" "
                + "-H \"X-Hub-Signature-256: sha256=$(printf %s \"$BODY\" | openssl dgst -sha256 -hmac '" + token
                + "' | sed 's/^.* //')\" -d \"$BODY\"";
    }

    String sendSamplePush() throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("bash", "-c", samplePushCommand()).redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor(30, TimeUnit.SECONDS);
        return answer;
    }

    void printInstructions(PrintStream out, Path kubeconfig, long millis) {
        out.printf("""

                Hookrelay is running locally (%d ms): control plane, controller, and the function of Receiver %s/%s.
                  webhook URL: %s
                  secret:      %s
                Send a signed push, as GitHub would:
                  %s
                or with the script that signs for any Receiver type:
                  receiver-fn/scripts/send-test-delivery.sh --type github --url '%s' --token '%s'
                Then watch it land in the Receiver's status:
                  export KUBECONFIG=%s
                  %s get receivers
                Stop with Ctrl-C.
                """, millis, NAMESPACE, RECEIVER, url, token, samplePushCommand(), url, token, kubeconfig,
                plane.assets().binary("kubectl"));
    }

    @Override
    public void close() {
        function.destroy();
        try {
            function.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        controller.close();
    }

    private static DynamicKubernetesObject knativeService(ControlPlane plane) {
        ListOptions options = new ListOptions();
        options.setLabelSelector(HookrelayApi.GROUP + "/receiver=" + RECEIVER);
        var list = new DynamicKubernetesApi("serving.knative.dev", "v1", "services", plane.adminClient())
                .list(NAMESPACE, options);
        return list.isSuccess() && !list.getObject().getItems().isEmpty() ? list.getObject().getItems().get(0) : null;
    }

    private static JsonObject podSpec(DynamicKubernetesObject service) {
        return service.getRaw().getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec");
    }

    private static String serviceAccount(DynamicKubernetesObject service) {
        return podSpec(service).get("serviceAccountName").getAsString();
    }

    private static String tokenSecretName(DynamicKubernetesObject service) {
        JsonArray volumes = podSpec(service).getAsJsonArray("volumes");
        return volumes.get(0).getAsJsonObject().getAsJsonObject("secret").get("secretName").getAsString();
    }

    private static String secretToken(ControlPlane plane, String secretName) throws ApiException {
        byte[] token = new CoreV1Api(plane.adminClient()).readNamespacedSecret(secretName, NAMESPACE).execute()
                .getData().get(FunctionContract.TOKEN_KEY);
        return new String(token, StandardCharsets.UTF_8);
    }

    /** The container's environment as Knative would set it, with the local stand-ins for the pod's files. */
    private static Process startFunction(Path jar, DynamicKubernetesObject service, Map<String, String> overrides, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        for (JsonElement env : podSpec(service).getAsJsonArray("containers").get(0).getAsJsonObject().getAsJsonArray("env")) {
            JsonObject variable = env.getAsJsonObject();
            builder.environment().put(variable.get("name").getAsString(),
                    variable.has("value") ? variable.get("value").getAsString() : "");
        }
        builder.environment().putAll(overrides);
        return builder.start();
    }

    private static String readyUrl(ControlPlane plane) {
        V1alpha1Receiver receiver = new GenericKubernetesApi<>(V1alpha1Receiver.class, V1alpha1ReceiverList.class,
                HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RECEIVERS, plane.adminClient())
                .get(NAMESPACE, RECEIVER).getObject();
        boolean ready = receiver != null && receiver.getStatus() != null && receiver.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        return ready ? receiver.getStatus().getUrl() : null;
    }

    private static boolean healthy(String base) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + FunctionContract.HEALTH_PATH))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
