package dev.hookrelay.controller.notification;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.ReconcileQueue;

/** The work queue of the Provider or the Alert reconciler. */
final class NotificationQueue extends ReconcileQueue {
    NotificationQueue(String name, ControllerSettings settings) {
        super(name, settings);
    }
}
