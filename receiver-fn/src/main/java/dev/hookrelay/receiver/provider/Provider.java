package dev.hookrelay.receiver.provider;

import java.util.Set;

/**
 * One provider's webhook contract: how a delivery proves it came from the provider, and
 * what it says. One implementation per {@code spec.type}; {@link Providers} finds them.
 */
public interface Provider {

    /** The {@code spec.type} value this provider serves, for example {@code github}. */
    String type();

    /** Media types (without parameters) this provider posts; any other gets 415. */
    default Set<String> contentTypes() {
        return Set.of("application/json");
    }

    /**
     * Checks that the delivery was sent by someone holding the token, exactly as the
     * provider signs, comparing in constant time.
     *
     * @throws VerificationException naming the header expected; never the token or a signature
     */
    void verify(WebhookRequest request, byte[] token) throws VerificationException;

    /**
     * Reads the delivery id, the event type and what changed.
     *
     * @throws MalformedPayloadException when the body is not in the provider's documented format
     */
    DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException;
}
