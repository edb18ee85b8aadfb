package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A github Receiver on the control plane and what a function process needs to serve it: the
 * environment the controller would set, a token file, and a ServiceAccount token bound to the
 * function's least-privilege Role.
 */
record ProcessReceiver(String name, String namespace, String token, Map<String, String> env) {
    static final byte[] BODY = GitHubDeliveries.push("acme/bench", "c".repeat(40));

    static ProcessReceiver create(ControlPlane plane, String namespace, String name, Path workDir) throws Exception {
        RunningFunction.receivers(plane.adminClient()).create(new V1alpha1Receiver()
                .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .spec(new V1alpha1ReceiverSpec().type("github"))).throwsApiException();
        RunningFunction.grantFunctionAccess(plane.adminClient(), name, namespace);
        String token = RunningFunction.randomToken();
        Path tokenFile = Files.writeString(workDir.resolve(name + ".token"), token);
        Path kubeconfig = plane.kubeconfigForServiceAccount(namespace, FunctionAccess.name(name));
        return new ProcessReceiver(name, namespace, token, Map.of(
                FunctionContract.ENV_RECEIVER_NAME, name,
                FunctionContract.ENV_RECEIVER_NAMESPACE, namespace,
                FunctionContract.ENV_RECEIVER_TYPE, "github",
                FunctionContract.ENV_TOKEN_FILE, tokenFile.toString(),
                "HOOKRELAY_KUBECONFIG", kubeconfig.toString()));
    }

    HttpResponse<String> deliver(FunctionProcess function, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(function.uri(webhookPath()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
        GitHubDeliveries.headers("push", id, BODY, token).forEach(request::header);
        return RunningFunction.send(request.build());
    }

    /** Delivers until the first 2xx, which comes only once the status write holds it. */
    void awaitFirstRecorded(FunctionProcess function, String id) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = deliver(function, id);
                if (response.statusCode() == 200) {
                    return;
                }
                throw new IllegalStateException("first delivery answered " + response.statusCode() + ": " + response.body());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof java.net.ConnectException) || !function.process.isAlive()) {
                    throw e;
                }
                Thread.sleep(2);
            }
        }
        throw new IllegalStateException("the function did not answer within 60 s");
    }

    /** The same signed push, each with its own delivery id, from wrk. */
    Wrk.Result load(FunctionProcess function, Path workDir, String idPrefix, int connections, int seconds)
            throws Exception {
        Path script = Wrk.script(workDir, idPrefix, "POST", """
                  wrk.headers["X-GitHub-Delivery"] = id .. "-" .. n
                  return wrk.format()
                """);
        Files.writeString(script, "wrk.body = [[" + new String(BODY, StandardCharsets.UTF_8) + "]]\n"
                + Files.readString(script));
        Map<String, String> headers = new HashMap<>(GitHubDeliveries.headers("push", "unused", BODY, token));
        headers.remove("X-GitHub-Delivery");
        return Wrk.run(script, connections, seconds, headers, function.uri(webhookPath()).toString());
    }

    V1alpha1Receiver receiver(ControlPlane plane) throws Exception {
        return RunningFunction.receivers(plane.adminClient()).get(namespace, name).throwsApiException().getObject();
    }

    long eventCount(ControlPlane plane) throws Exception {
        V1alpha1Receiver receiver = receiver(plane);
        return receiver.getStatus() == null ? 0 : receiver.getStatus().getEventCount();
    }

    /** The count once writes still in flight (requests wrk abandoned at its deadline) have landed. */
    long settledEventCount(ControlPlane plane) throws Exception {
        long count = eventCount(plane);
        while (true) {
            Thread.sleep(300);
            long again = eventCount(plane);
            if (again == count) {
                return count;
            }
            count = again;
        }
    }

    String webhookPath() {
        return FunctionContract.webhookPath(token, name, namespace);
    }
}
