package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1RegistrationStatus;
import dev.hookrelay.api.V1alpha1Rotation;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.KubeEvents;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * A Receiver's token rotations: generates a new token in Hookrelay's own Secret when asked
 * (annotation {@value #ROTATE_ANNOTATION}) or due (spec.rotation.every); notices a changed token,
 * whoever changed it, and keeps the previous one for the function until its grace period ends,
 * or earlier, once the provider confirmed the new secret (spec.registration) and deliveries it
 * had already sent have drained.
 */
@Singleton
class TokenRotation {
    static final String ROTATE_ANNOTATION = HookrelayApi.GROUP + "/rotate-token";

    private final WebhookSecret webhookSecret;
    private final TokenSecret tokenSecret;
    private final KubeEvents events;
    private final Duration drain;

    TokenRotation(WebhookSecret webhookSecret, TokenSecret tokenSecret, KubeEvents events, ControllerSettings settings) {
        this.webhookSecret = webhookSecret;
        this.tokenSecret = tokenSecret;
        this.events = events;
        this.drain = settings.getRotationDrain();
    }

    /** Before the token is resolved: replaces the token of Hookrelay's own Secret when a rotation is asked for or due. */
    void rotateIfAsked(V1alpha1Receiver receiver) throws ApiException {
        if (!isAsked(receiver, webhookSecret.rotationState(receiver)) && !isDue(receiver, webhookSecret.rotationState(receiver))) {
            return;
        }
        String request = request(receiver);
        WebhookSecret.RotationChange change = webhookSecret.updateRotationState(receiver,
                state -> isAsked(receiver, state) ? state.handled(request) : state);
        boolean asked = !change.after().equals(change.before());
        if (asked && receiver.getSpec().getSecretRef() != null) {
            events.warning(receiver, "RotationNotPossible", ROTATE_ANNOTATION + " rotates only a token Hookrelay owns;"
                    + " change the key `token` of Secret " + receiver.getSpec().getSecretRef().getName() + " instead");
        } else if (asked || isDue(receiver, change.before())) {
            tokenSecret.replaceOwnedToken(receiver);
        }
    }

    /** A value of the annotation not acted on yet, on a Receiver whose token exists to rotate away from. */
    private static boolean isAsked(V1alpha1Receiver receiver, RotationState state) {
        String request = request(receiver);
        return state.activeToken() != null && request != null && !request.equals(state.handledRequest());
    }

    /** When spec.rotation.every calls for the next rotation, or null. */
    @Nullable
    Instant nextDue(V1alpha1Receiver receiver, RotationState state) {
        Duration every = V1alpha1Rotation.everyOf(receiver.getSpec());
        Instant since = state.rotatedAt() != null ? state.rotatedAt() : tokenSecret.ownedCreatedAt(receiver);
        return every == null || since == null || receiver.getSpec().getSecretRef() != null ? null : since.plus(every);
    }

    private boolean isDue(V1alpha1Receiver receiver, RotationState state) {
        Instant due = state.activeToken() == null ? null : nextDue(receiver, state);
        return due != null && !Instant.now().isBefore(due);
    }

    /**
     * After the token is resolved: what the function is to be given. A token that differs from
     * the one it was last given is a rotation. Decided on the cache, confirmed and written on
     * the Secret as the API server holds it.
     */
    RotationState observe(V1alpha1Receiver receiver, Token token) throws ApiException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        RotationState cached = webhookSecret.rotationState(receiver);
        if (next(receiver, cached, token, now).equals(cached)) {
            return cached;
        }
        WebhookSecret.RotationChange change = webhookSecret.updateRotationState(receiver,
                state -> next(receiver, state, token, now));
        announce(receiver, token, change.before(), change.after(), now);
        return change.after();
    }

    private RotationState next(V1alpha1Receiver receiver, RotationState state, Token token, Instant now) {
        if (state.activeToken() == null) {
            return RotationState.first(token.value(), request(receiver));
        }
        if (!state.activeToken().equals(token.value())) {
            Duration grace = V1alpha1Rotation.gracePeriodOf(receiver.getSpec());
            return state.rotatedTo(token.value(), now, grace.isZero() ? null : now.plus(grace));
        }
        if (state.hasPrevious() && !now.isBefore(dropAt(receiver, state))) {
            return state.withoutPrevious();
        }
        return state;
    }

    private void announce(V1alpha1Receiver receiver, Token token, RotationState before, RotationState after, Instant now) {
        if (before.activeToken() != null && !before.activeToken().equals(after.activeToken())) {
            events.normal(receiver, "TokenRotated", "The token in Secret " + token.secretName() + " changed; " + (after.hasPrevious()
                    ? "the previous one keeps verifying until " + RotationState.format(after.previousExpiresAt()) + untilConfirmed(receiver)
                    : "the previous one stops verifying as soon as the function serves the new one (spec.rotation.gracePeriod is 0s)"));
        } else if (before.hasPrevious() && !after.hasPrevious()) {
            events.normal(receiver, "PreviousTokenDropped", droppedBecause(receiver, before, now));
        }
    }

    /**
     * Records that a Ready revision serves this token: from now on the registration may hand it to
     * the provider. Only the registration reads it, so without spec.registration nothing is written.
     */
    RotationState served(V1alpha1Receiver receiver, RotationState state, Token token) throws ApiException {
        if (receiver.getSpec().getRegistration() == null || token.value().equals(state.servedToken())) {
            return state;
        }
        Instant now = Instant.now();
        return webhookSecret.updateRotationState(receiver,
                current -> token.value().equals(current.servedToken()) ? current : current.served(token.value(), now)).after();
    }

    /**
     * When the previous token stops: at the end of its grace period, or, with spec.registration,
     * {@link ControllerSettings#getRotationDrain()} after the provider confirmed the new secret.
     */
    Instant dropAt(V1alpha1Receiver receiver, RotationState state) {
        Instant confirmed = confirmedAt(receiver, state);
        Instant drained = confirmed == null ? null : confirmed.plus(drain);
        return drained != null && drained.isBefore(state.previousExpiresAt()) ? drained : state.previousExpiresAt();
    }

    /**
     * When the provider confirmed the webhook's secret set to the current token; null before. The
     * registration sets only the token a Ready revision serves, so a secret set after the function
     * began to serve the current token is that token.
     */
    @Nullable
    private static Instant confirmedAt(V1alpha1Receiver receiver, RotationState state) {
        V1alpha1RegistrationStatus registration = receiver.getSpec().getRegistration() == null
                || receiver.getStatus() == null ? null : receiver.getStatus().getRegistration();
        boolean servesCurrent = state.activeToken() != null && state.activeToken().equals(state.servedToken());
        if (registration == null || registration.getSecretSetAt() == null || !servesCurrent || state.servedAt() == null) {
            return null;
        }
        Instant set = registration.getSecretSetAt().toInstant();
        return set.isAfter(state.servedAt()) ? set : null;
    }

    private String droppedBecause(V1alpha1Receiver receiver, RotationState state, Instant now) {
        Instant confirmed = confirmedAt(receiver, state);
        return confirmed != null && now.isBefore(state.previousExpiresAt())
                ? "The previous token no longer verifies: the provider confirmed the new secret at "
                        + RotationState.format(confirmed) + " and deliveries sent before have had " + drain.toSeconds()
                        + " s to arrive"
                : "The previous token no longer verifies: its grace period ended at " + RotationState.format(state.previousExpiresAt());
    }

    static String untilConfirmed(V1alpha1Receiver receiver) {
        return receiver.getSpec().getRegistration() == null ? ""
                : ", or until the provider has confirmed the new secret and deliveries sent before have drained";
    }

    /** The value of {@value #ROTATE_ANNOTATION}, or null. */
    @Nullable
    static String request(V1alpha1Receiver receiver) {
        Map<String, String> annotations = receiver.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(ROTATE_ANNOTATION);
    }
}
