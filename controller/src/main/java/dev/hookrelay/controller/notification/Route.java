package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1Provider;

/** An event's way out: the Alert that matched it and that Alert's Provider. */
record Route(V1alpha1Alert alert, V1alpha1Provider provider) {
}
