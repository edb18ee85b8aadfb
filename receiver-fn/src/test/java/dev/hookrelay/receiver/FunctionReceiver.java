package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A github Receiver on the real control plane prepared for function processes: the function's
 * ServiceAccount and Role, a token file, and the environment the controller would give each pod.
 */
final class FunctionReceiver {
    final ControlPlane plane;
    final String namespace;
    final String name;
    final String token;
    private final Map<String, String> env;

    private FunctionReceiver(ControlPlane plane, String namespace, String name, String token, Map<String, String> env) {
        this.plane = plane;
        this.namespace = namespace;
        this.name = name;
        this.token = token;
        this.env = env;
    }

    static FunctionReceiver create(ControlPlane plane, String namespace, String name) {
        try {
            RunningFunction.receivers(plane.adminClient()).create(new V1alpha1Receiver()
                    .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                    .spec(new V1alpha1ReceiverSpec().type("github"))).throwsApiException();
            RunningFunction.grantFunctionAccess(plane.adminClient(), name, namespace);
            String token = RunningFunction.randomToken();
            Path tokenFile = Files.writeString(Files.createTempFile("hookrelay-token-", ""), token);
            Path kubeconfig = plane.kubeconfigForServiceAccount(namespace, FunctionAccess.name(name));
            return new FunctionReceiver(plane, namespace, name, token, Map.of(
                    FunctionContract.ENV_RECEIVER_NAME, name,
                    FunctionContract.ENV_RECEIVER_NAMESPACE, namespace,
                    FunctionContract.ENV_RECEIVER_TYPE, "github",
                    FunctionContract.ENV_TOKEN_FILE, tokenFile.toString(),
                    "HOOKRELAY_KUBECONFIG", kubeconfig.toString()));
        } catch (ApiException e) {
            throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment the controller gives the function's pod. */
    Map<String, String> env() {
        return env;
    }

    Path kubeconfig() {
        return Path.of(env.get("HOOKRELAY_KUBECONFIG"));
    }

    /** A function process for this Receiver, once it answers /health. */
    FunctionProcess start(Path log, Map<String, String> extraEnv) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        FunctionProcess function = FunctionProcess.startFromClassPath(List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"), all, log);
        function.awaitHealthy(log);
        return function;
    }

    /** A signed GitHub push with this delivery id. */
    HttpRequest delivery(FunctionProcess function, String id) {
        byte[] body = GitHubDeliveries.push("acme/" + name, "d".repeat(40));
        HttpRequest.Builder request = HttpRequest.newBuilder(function.uri(FunctionContract.webhookPath(token, name, namespace)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        GitHubDeliveries.headers("push", id, body, token).forEach(request::header);
        return request.build();
    }

    HttpResponse<String> deliver(FunctionProcess function, String id) {
        return RunningFunction.send(delivery(function, id));
    }

    V1alpha1Receiver receiver() {
        try {
            return RunningFunction.receivers(plane.adminClient()).get(namespace, name).throwsApiException().getObject();
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
    }
}
