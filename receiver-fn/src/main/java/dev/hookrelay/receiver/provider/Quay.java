package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Quay "Push to Repository" notifications: unsigned, so the webhook URL is the secret (see
 * {@link SecretPathProvider}: treat the URL as a secret; it carries at least 128 bits). The
 * event is {@code push}; Quay sends no delivery id, so every delivery counts.
 */
final class Quay implements SecretPathProvider {

    @Override
    public String type() {
        return "quay";
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        JsonNode json = Json.object(request.body());
        return new DeliveryDescription(
                null,
                "push",
                Json.text(json, "repository"),
                null,
                null,
                Json.text(json, "docker_url"),
                Json.text(json, "updated_tags", "0"),
                null,
                null);
    }
}
