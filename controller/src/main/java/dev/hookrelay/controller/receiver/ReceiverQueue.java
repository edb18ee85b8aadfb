package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.AnyChange;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.ReconcileQueue;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import jakarta.inject.Singleton;

/**
 * The Receivers waiting to be reconciled, one entry per Receiver however often it changed.
 * Filled by the informers on every replica, emptied only by the leader's workers.
 */
@Singleton
class ReceiverQueue extends ReconcileQueue {

    ReceiverQueue(ControllerSettings settings) {
        super("receiver", settings);
    }

    /** Events of an owned object, turned into a reconcile of the Receiver that controls it. */
    <T extends KubernetesObject> ResourceEventHandler<T> ownerEvents() {
        return AnyChange.of(this::addOwner);
    }

    private void addOwner(KubernetesObject object) {
        Owners.controllingReceiver(object).ifPresent(name -> add(object.getMetadata().getNamespace(), name));
    }
}
