package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.List;

/** Receivers with targets, events recorded into them as receiver-fn records them, and what the fan-out made of it. */
final class RecordedEvents {
    static final String EVENT_TIME = "2026-03-04T05:06:07.123456Z";

    private RecordedEvents() {
    }

    static void receiverWith(Cluster cluster, String name, V1alpha1TargetRef... resources) {
        cluster.createReceiver(name, new V1alpha1ReceiverSpec().type("github").events(List.of("push"))
                .resources(List.of(resources)));
    }

    /** Writes an accepted delivery into the status as receiver-fn does. */
    static void recordEvent(Cluster cluster, String receiver, long eventCount) {
        cluster.patchReceiverStatus(receiver, """
                {"status": {"eventCount": %d, "lastEvent": {"id": "delivery-%d", "type": "push", "provider": "github",
                 "receivedAt": "%s"}}}""".formatted(eventCount, eventCount, EVENT_TIME));
    }

    static V1alpha1Receiver awaitHandled(Cluster cluster, String receiver, long count) {
        return Eventually.await(receiver + " handledEventCount " + count, Cluster.TIMEOUT, () -> {
            V1alpha1Receiver current = cluster.receiver(receiver);
            return current.getStatus().getHandledEventCount() == count ? current : null;
        });
    }

    static V1Condition awaitCondition(Cluster cluster, String receiver, String status, String reason) {
        return Eventually.await(receiver + " TargetsPoked=" + status + " " + reason, Cluster.TIMEOUT, () -> {
            V1Condition condition = cluster.condition(receiver, "TargetsPoked");
            return condition != null && status.equals(condition.getStatus()) && reason.equals(condition.getReason())
                    ? condition : null;
        });
    }
}
