package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Bitbucket Cloud: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>} when the
 * webhook has a secret, the event in {@code X-Event-Key} ({@code repo:push}), the delivery id in
 * {@code X-Request-UUID}.
 *
 * <p>{@code X-Hook-UUID} is not a fallback for the id: it names the webhook, so it is the same
 * for every delivery and would make each look like a redelivery of the first.
 */
final class Bitbucket implements Provider {
    private static final HmacHeader SIGNATURE = new HmacHeader("X-Hub-Signature", "sha256=", "HmacSHA256",
            "Bitbucket signs each delivery when the webhook has a secret; set the secret to the Receiver's token");

    @Override
    public String type() {
        return "bitbucket";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        SIGNATURE.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        String type = Deliveries.eventHeader(request, "X-Event-Key", "Bitbucket");
        JsonNode json = Json.object(request.body());
        JsonNode pushed = Json.at(json, "push", "changes", "0", "new");
        return new DeliveryDescription(
                Deliveries.id(request, "X-Request-UUID"),
                type,
                Json.text(json, "repository", "full_name"),
                Json.text(pushed, "name"),
                Json.text(pushed, "target", "hash"),
                null,
                null,
                Json.either(Json.text(json, "actor", "nickname"), Json.text(json, "actor", "display_name")),
                null);
    }
}
