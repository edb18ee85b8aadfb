package dev.hookrelay.controller.registration;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.micronaut.context.annotation.Context;
import java.util.Objects;

/**
 * The Receivers (the informer the other reconcilers share), and which of their changes call
 * for the registration: a Receiver that asks for a webhook or still holds one, when its spec,
 * its URL or its deletion changes, and at every resync.
 */
@Context
class RegistrationCaches {
    private final KubeCache<V1alpha1Receiver> receivers;

    RegistrationCaches(Informers informers) {
        this.receivers = informers.hookrelay(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.RECEIVERS);
    }

    void feed(WorkQueue<Request> queue) {
        receivers.watch(queue, watch -> watch.withOnAddFilter(RegistrationCaches::needsWork)
                .withOnUpdateFilter((before, after) -> changed(before, after) && needsWork(after))
                // the finalizer held it until its webhook was deleted
                .withOnDeleteFilter((receiver, finalStateUnknown) -> false));
    }

    KubeCache<V1alpha1Receiver> cache() {
        return receivers;
    }

    static boolean needsWork(V1alpha1Receiver receiver) {
        return receiver.getSpec().getRegistration() != null || Finalizer.isOn(receiver);
    }

    private static String url(V1alpha1Receiver receiver) {
        V1alpha1ReceiverStatus status = receiver.getStatus();
        return status == null ? null : status.getUrl();
    }

    private static boolean changed(V1alpha1Receiver before, V1alpha1Receiver after) {
        boolean resync = Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
        return resync
                || !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                || !Objects.equals(url(before), url(after))
                || !Objects.equals(before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp());
    }
}
