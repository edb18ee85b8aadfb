package dev.hookrelay.receiver;

import dev.hookrelay.receiver.provider.Provider;
import dev.hookrelay.receiver.provider.VerificationException;
import dev.hookrelay.receiver.provider.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Verifies a delivery with the Receiver's token and, within a rotation's grace window, with the
 * previous one too. Both checks always run and their results are combined without
 * short-circuiting, so neither the answer nor its timing tells the sender which token matched.
 * Deliveries that only the previous token verifies are counted
 * ({@value #PREVIOUS_TOKEN_METRIC}): when that stops growing, the old token is no longer in use.
 */
@Singleton
final class TokenVerification {
    static final String PREVIOUS_TOKEN_METRIC = "hookrelay.deliveries.previous.token";

    private final ReceiverIdentity receiver;
    private final Counter previousTokenDeliveries;

    TokenVerification(ReceiverIdentity receiver, MeterRegistry registry) {
        this.receiver = receiver;
        this.previousTokenDeliveries = Counter.builder(PREVIOUS_TOKEN_METRIC)
                .description("Deliveries verified with the token a rotation replaced, within its grace window")
                .register(registry);
    }

    /**
     * @param path the request's path, already matched to the current or (within the window) the
     *             previous token's path; for a provider that cannot sign, that match is the proof
     * @throws VerificationException as the provider words it for the current token
     */
    void verify(Provider provider, String path, WebhookRequest webhook) throws VerificationException {
        PreviousToken previous = receiver.previousToken();
        VerificationException failure = attempt(provider, webhook, receiver.token());
        boolean current = failure == null;
        boolean old = previous != null && attempt(provider, webhook, previous.token()) == null;
        if (!(current | old)) {
            throw failure;
        }
        if (!current || receiver.isPreviousPath(path.getBytes(StandardCharsets.UTF_8))) {
            previousTokenDeliveries.increment();
        }
    }

    private static VerificationException attempt(Provider provider, WebhookRequest webhook, byte[] token) {
        try {
            provider.verify(webhook, token);
            return null;
        } catch (VerificationException e) {
            return e;
        }
    }
}
