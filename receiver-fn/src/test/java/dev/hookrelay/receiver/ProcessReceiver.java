package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A GitHub Receiver on the real control plane and what a function process needs to serve it:
 * the environment the controller would set, a token file, and a kubeconfig for the function's
 * own ServiceAccount.
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

    String webhookPath() {
        return FunctionContract.webhookPath(token, name, namespace);
    }

    HttpResponse<String> deliver(FunctionProcess function, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(function.uri(webhookPath()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
        GitHubDeliveries.headers("push", id, BODY, token).forEach(request::header);
        return RunningFunction.send(request.build());
    }

    V1alpha1Receiver receiver(ControlPlane plane) throws Exception {
        return RunningFunction.receivers(plane.adminClient()).get(namespace, name).throwsApiException().getObject();
    }

    long eventCount(ControlPlane plane) throws Exception {
        return receiver(plane).getStatus().getEventCount();
    }
}
