package dev.hookrelay.receiver;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How much an unauthenticated client may cost before its delivery is verified.
 *
 * @param bodyTimeout         time from a request's headers to the end of its body; a slower client is disconnected
 * @param maxUnverifiedBodies request bodies for the webhook path being received at once; beyond it, 503 + Retry-After
 */
@ConfigurationProperties("hookrelay.intake")
public record IntakeSettings(
        @Bindable(defaultValue = "10s") Duration bodyTimeout,
        @Bindable(defaultValue = "32") int maxUnverifiedBodies) {
}
