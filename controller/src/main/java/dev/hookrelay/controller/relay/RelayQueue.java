package dev.hookrelay.controller.relay;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.ReconcileQueue;
import jakarta.inject.Singleton;

/** Relays whose spec, or whose hub Receiver, changed. */
@Singleton
class RelayQueue extends ReconcileQueue {
    RelayQueue(ControllerSettings settings) {
        super("relay", settings);
    }
}
