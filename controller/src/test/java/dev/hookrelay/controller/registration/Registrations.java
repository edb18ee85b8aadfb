package dev.hookrelay.controller.registration;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Registration;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the registration tests share: a fast controller configuration and waits on the Registered condition. */
final class Registrations {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JSON JSON = new JSON();
    /** Read back every second; a deleted Receiver waits at most 3 s for its webhook to go. */
    static final Map<String, Object> FAST = Map.of(
            "hookrelay.controller.leader-election.enabled", false,
            "hookrelay.registration.verify-period", "1s",
            "hookrelay.registration.delete-timeout", "3s");

    private Registrations() {
    }

    /**
     * A Receiver whose URL exists before its registration, as for a webhook someone registered
     * by hand from status.url: created without spec.registration, Knative played; returns status.url.
     */
    static String createUnregistered(Cluster cluster, String name, V1alpha1ReceiverSpec spec) {
        V1alpha1ReceiverSpec unregistered = JSON.deserialize(JSON.serialize(spec), V1alpha1ReceiverSpec.class);
        cluster.createReceiver(name, unregistered.registration(null));
        cluster.markKnativeServiceReady("hookrelay-" + name);
        return Eventually.await("status.url of " + name, TIMEOUT, () -> {
            V1alpha1Receiver receiver = cluster.receiver(name);
            return receiver.getStatus() == null ? null : receiver.getStatus().getUrl();
        });
    }

    /** Adds spec.registration to a Receiver, as applying its edited manifest would. */
    static void register(Cluster cluster, String name, V1alpha1Registration registration) {
        cluster.patchReceiver(name, "{\"spec\":{\"registration\":" + JSON.serialize(registration) + "}}");
    }

    static V1alpha1Registration at(String apiUrl, String credentialsSecret) {
        return new V1alpha1Registration().apiURL(apiUrl).credentialsRef(new V1alpha1SecretRef().name(credentialsSecret));
    }

    /** Waits until Registered has this status and reason; returns the Receiver then. */
    static V1alpha1Receiver awaitRegistered(Cluster cluster, String name, String status, String reason) {
        return Eventually.await("Receiver " + name + " Registered=" + status + " " + reason, TIMEOUT, () -> {
            V1alpha1Receiver receiver = cluster.receiver(name);
            V1Condition registered = receiver.getStatus() == null ? null : receiver.getStatus().getConditions().stream()
                    .filter(c -> "Registered".equals(c.getType())).findFirst().orElse(null);
            return registered != null && status.equals(registered.getStatus()) && reason.equals(registered.getReason())
                    ? receiver : null;
        });
    }

    static V1alpha1Receiver awaitRegistered(Cluster cluster, String name) {
        return awaitRegistered(cluster, name, "True", "Registered");
    }

    static V1Condition registered(V1alpha1Receiver receiver) {
        return receiver.getStatus().getConditions().stream().filter(c -> "Registered".equals(c.getType())).findFirst()
                .orElseThrow();
    }

    /** Waits for an Event of this reason about the Receiver. */
    static CoreV1Event awaitEvent(Cluster cluster, String name, String reason) {
        return Eventually.await("Event " + reason + " about " + name, TIMEOUT, () -> events(cluster, name).stream()
                .filter(e -> reason.equals(e.getReason())).findFirst().orElse(null));
    }

    static List<CoreV1Event> events(Cluster cluster, String name) {
        return cluster.eventsAbout(name);
    }

    /** Waits until the Receiver is gone from the API server. */
    static void awaitGone(Cluster cluster, String name) {
        Eventually.await("Receiver " + name + " deleted", TIMEOUT, () -> {
            try {
                cluster.receiver(name);
                return false;
            } catch (IllegalStateException e) {
                return e.getMessage().contains("404");
            }
        });
    }
}
