package dev.hookrelay.controller.relay;

import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;

/**
 * Why the hub cannot be followed (retried with backoff), without the credential, the hub's
 * address or its answer in it. Whoever may create a Relay chooses the server it dials; if the
 * status told a refused connection from a timeout, or a TLS failure from an HTTP answer, Relays
 * would scan the controller's network for them. Below a verified TLS session every failure reads
 * the same.
 */
final class HubProblems {
    private HubProblems() {
    }

    static Problem of(HubAddress hub, ApiException e) {
        return switch (e.getCode()) {
            case HttpURLConnection.HTTP_UNAUTHORIZED -> Problem.retried("Unauthorized", "The hub refused the credential in "
                    + "Secret " + hub.secretName() + " (401); put a kubeconfig with a valid token in it");
            case HttpURLConnection.HTTP_FORBIDDEN -> Problem.retried("Unauthorized", "The hub identity in Secret "
                    + hub.secretName() + " may not list Receivers in namespace " + hub.namespace() + " (403); bind "
                    + "ClusterRole hookrelay-hub-follower to it there with a RoleBinding");
            case 0 -> unreachable(hub);
            default -> Problem.retried("Unreachable", "The hub answered " + e.getCode() + " to listing Receivers in "
                    + "namespace " + hub.namespace() + "; check that the kubeconfig in Secret " + hub.secretName()
                    + " names the hub's API server and that Hookrelay's CRDs are installed there");
        };
    }

    /** No verified connection, for whatever reason: the controller's log has the details, the status does not. */
    static Problem unreachable(HubAddress hub) {
        return Problem.retried("Unreachable", "Cannot reach the hub named in the kubeconfig in Secret " + hub.secretName()
                + ": no connection, or none whose certificate its certificate-authority-data verifies; check the "
                + "server address, the network between the clusters and the CA. Retrying with backoff");
    }

}
