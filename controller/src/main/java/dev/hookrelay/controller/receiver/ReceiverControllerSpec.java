package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.ControllerSpec;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Receiver reconciler, fed by changes of Receivers and of what they own. */
@Factory
class ReceiverControllerSpec {
    @Singleton
    ControllerSpec receiverController(ReceiverCaches caches, ReceiverReconciler reconciler) {
        return new ControllerSpec("receiver", reconciler, caches::feed, caches::hasSynced);
    }
}
