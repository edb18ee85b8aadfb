package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.ReconcileQueue;
import jakarta.inject.Singleton;

/** Receivers with events whose targets are still to be poked. */
@Singleton
class FanoutQueue extends ReconcileQueue {
    FanoutQueue(ControllerSettings settings) {
        super("fanout", settings);
    }
}
