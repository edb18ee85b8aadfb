package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Docker Hub repository webhooks: unsigned, so the webhook URL is the secret (see
 * {@link SecretPathProvider}: treat the URL as a secret; it carries at least 128 bits). Every
 * delivery is an image push ({@code push}); Docker Hub sends no delivery id, so every delivery
 * counts.
 */
final class DockerHub implements SecretPathProvider {

    @Override
    public String type() {
        return "dockerhub";
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        JsonNode json = Json.object(request.body());
        String repository = Json.text(json, "repository", "repo_name");
        return new DeliveryDescription(
                null,
                "push",
                repository,
                null,
                null,
                repository,
                Json.text(json, "push_data", "tag"),
                Json.text(json, "push_data", "pusher"),
                null);
    }
}
