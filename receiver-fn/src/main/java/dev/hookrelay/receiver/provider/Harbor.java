package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Harbor (default payload format): the webhook's "Auth Header" verbatim in {@code Authorization};
 * the event is the payload's {@code type} ({@code PUSH_ARTIFACT}); Harbor sends no delivery id,
 * so every delivery counts.
 */
final class Harbor implements Provider {
    private static final TokenHeader AUTH_HEADER = new TokenHeader("Authorization", "",
            "Harbor sends the webhook's Auth Header in it; set the Auth Header to the Receiver's token");

    @Override
    public String type() {
        return "harbor";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        AUTH_HEADER.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        JsonNode json = Json.object(request.body());
        JsonNode artifact = Json.at(json, "event_data", "resources", "0");
        return new DeliveryDescription(
                null,
                Deliveries.eventField(Json.text(json, "type"), "type", "Harbor"),
                Json.text(json, "event_data", "repository", "repo_full_name"),
                null,
                Json.text(artifact, "digest"),
                Json.text(artifact, "resource_url"),
                Json.text(artifact, "tag"),
                Json.text(json, "operator"),
                null);
    }
}
