package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.ReconcileQueue;
import jakarta.inject.Singleton;

/** Receivers whose webhook at the provider is to be created, checked, repaired or deleted. */
@Singleton
class RegistrationQueue extends ReconcileQueue {
    RegistrationQueue(ControllerSettings settings) {
        super("registration", settings);
    }
}
