package dev.hookrelay.receiver.provider;

import java.util.Set;

/**
 * Any sender that can set a header: {@code Authorization: Bearer <token>}. The body may be
 * anything and is not parsed; the event type is {@code generic} and the id is
 * {@code X-Request-Id} when sent; without it, every delivery counts.
 */
class Generic implements Provider {
    /** Whatever a script or CI job posts, including nothing (no Content-Type). */
    static final Set<String> ANY_CONTENT = Set.of("", "application/json", "text/plain", "application/octet-stream",
            FormPayload.MEDIA_TYPE);

    private static final TokenHeader BEARER = TokenHeader.bearer("send Authorization: Bearer <the Receiver's token>");

    @Override
    public String type() {
        return "generic";
    }

    @Override
    public Set<String> contentTypes() {
        return ANY_CONTENT;
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        BEARER.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) {
        return DeliveryDescription.of(Deliveries.id(request, "X-Request-Id"), "generic");
    }
}
