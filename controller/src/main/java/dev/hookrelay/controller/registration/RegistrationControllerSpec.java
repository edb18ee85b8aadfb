package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.ControllerSpec;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The registration reconciler: Receivers whose webhook at the provider is to be created, checked, repaired or deleted. */
@Factory
class RegistrationControllerSpec {
    @Singleton
    ControllerSpec registrationController(RegistrationCaches receivers, RegistrationReconciler reconciler) {
        return new ControllerSpec("registration", reconciler, receivers::feed, receivers.cache()::hasSynced);
    }
}
