package dev.hookrelay.controller.relay;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.Problem;
import io.micronaut.core.annotation.Nullable;

/**
 * What a Relay knows of its hub Receiver: the Receiver as last seen, or why it cannot see it.
 * Reasons: Connected, NotFound (the hub answers, but has no such Receiver), and, with the hub
 * out of reach, SecretNotFound, KubeconfigInvalid, Unauthorized or Unreachable.
 */
record HubState(boolean reachable, @Nullable V1alpha1Receiver receiver, String reason, String message) {
    static final String CONNECTED = "Connected";
    static final String NOT_FOUND = "NotFound";

    static HubState following(HubAddress hub, V1alpha1Receiver receiver) {
        return new HubState(true, receiver, CONNECTED, "Watching " + hub.describe());
    }

    static HubState notFound(HubAddress hub) {
        return new HubState(true, null, NOT_FOUND, "The hub has no " + hub.describe()
                + "; create it there or fix spec.hub");
    }

    static HubState outOfReach(Problem problem) {
        return new HubState(false, null, problem.reason(), problem.getMessage());
    }
}
