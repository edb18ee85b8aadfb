package dev.hookrelay.controller.relay;

import dev.hookrelay.controller.kube.ControllerSpec;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Relay reconciler, queued by changes of the Relay and of the hub Receiver it follows. */
@Factory
class RelayControllerSpec {
    @Singleton
    ControllerSpec relayController(RelayCaches relays, HubWatches hubs, RelayReconciler reconciler) {
        return new ControllerSpec("relay", reconciler, queue -> {
            relays.feed(queue);
            hubs.feed(queue);
        }, relays.cache()::hasSynced);
    }
}
