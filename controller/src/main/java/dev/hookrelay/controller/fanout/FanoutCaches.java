package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.context.annotation.Context;
import java.util.Objects;

/**
 * The Receivers, from the informer the Receiver reconciler also uses (the factory shares one
 * per kind), and which of their changes call for the fan-out.
 */
@Context
class FanoutCaches {
    private final KubeCache<V1alpha1Receiver> receivers;

    FanoutCaches(Informers informers) {
        this.receivers = informers.hookrelay(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.RECEIVERS);
    }

    /** Queues the Receivers that need the fan-out, and deleted ones, so that it forgets them. */
    void feed(WorkQueue<Request> queue) {
        receivers.watch(queue, watch -> watch.withOnAddFilter(FanoutCaches::needFanout)
                .withOnUpdateFilter((before, after) -> needFanout(after)));
    }

    KubeCache<V1alpha1Receiver> cache() {
        return receivers;
    }

    /**
     * Events not yet handled by a Receiver with targets (one without records nothing, so it
     * costs no write), or a spec changed since the fan-out last reported on it, so that a fixed
     * spec.resources does not keep an old complaint.
     */
    static boolean needFanout(V1alpha1Receiver receiver) {
        return receiver.getStatus() != null && (hasEventsToHandle(receiver) || changedSinceReported(receiver));
    }

    private static boolean hasEventsToHandle(V1alpha1Receiver receiver) {
        return !receiver.getSpec().getResources().isEmpty()
                && receiver.getStatus().getEventCount() > receiver.getStatus().getHandledEventCount();
    }

    static boolean changedSinceReported(V1alpha1Receiver receiver) {
        V1Condition reported = Conditions.find(receiver.getStatus().getConditions(), FanoutReconciler.TARGETS_POKED);
        return reported != null && !Objects.equals(reported.getObservedGeneration(), receiver.getMetadata().getGeneration());
    }
}
