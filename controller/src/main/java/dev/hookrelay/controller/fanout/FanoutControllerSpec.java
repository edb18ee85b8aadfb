package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.ControllerSpec;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The fan-out reconciler, with a queue of its own: Receivers with events whose targets are still to be poked. */
@Factory
class FanoutControllerSpec {
    @Singleton
    ControllerSpec fanoutController(FanoutCaches receivers, FanoutReconciler reconciler) {
        return new ControllerSpec("fanout", reconciler, receivers::feed, receivers.cache()::hasSynced);
    }
}
