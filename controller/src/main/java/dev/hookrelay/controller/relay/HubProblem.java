package dev.hookrelay.controller.relay;

import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;

/** Why the hub cannot be followed, without the credential or the hub's answer in it. */
final class HubProblem extends Exception {
    private final String reason;

    HubProblem(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    static HubProblem of(HubAddress hub, ApiException e) {
        return switch (e.getCode()) {
            case HttpURLConnection.HTTP_UNAUTHORIZED -> new HubProblem("Unauthorized", "The hub refused the credential in "
                    + "Secret " + hub.secretName() + " (401); put a kubeconfig with a valid token in it");
            case HttpURLConnection.HTTP_FORBIDDEN -> new HubProblem("Unauthorized", "The hub identity in Secret "
                    + hub.secretName() + " may not list Receivers in namespace " + hub.namespace() + " (403); bind "
                    + "ClusterRole hookrelay-hub-follower to it there with a RoleBinding");
            case 0 -> unreachable("Cannot reach the hub: " + e.getMessage());
            default -> unreachable("The hub answered " + e.getCode() + " to listing Receivers in namespace "
                    + hub.namespace());
        };
    }

    static HubProblem unreachable(String message) {
        return new HubProblem("Unreachable", message);
    }

    String reason() {
        return reason;
    }
}
