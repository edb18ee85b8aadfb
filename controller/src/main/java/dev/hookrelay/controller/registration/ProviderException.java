package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.Problem;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A provider's API refused or failed a request. {@code retryAt} is set when the provider said
 * when to come back (rate limits); {@code transient} when trying again may work by itself.
 */
class ProviderException extends Problem {
    private final int status;
    private final boolean retryable;
    private final Instant retryAt;

    ProviderException(String reason, String message, int status, boolean retryable, @Nullable Instant retryAt) {
        super(reason, message, true);
        this.status = status;
        this.retryable = retryable;
        this.retryAt = retryAt;
    }

    /** The HTTP status, 0 when the provider could not be reached. */
    int status() {
        return status;
    }

    boolean retryable() {
        return retryable;
    }

    @Nullable
    Instant retryAt() {
        return retryAt;
    }
}
