package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Azure Container Registry webhooks: unsigned (ACR adds only the custom headers you configure),
 * so the webhook URL is the secret (see {@link SecretPathProvider}: treat the URL as a secret;
 * it carries at least 128 bits). The event is the payload's {@code action} ({@code push},
 * {@code delete}, ...), the id its {@code id}.
 */
final class Acr implements SecretPathProvider {

    @Override
    public String type() {
        return "acr";
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        JsonNode json = Json.object(request.body());
        String repository = Json.text(json, "target", "repository");
        String host = Json.text(json, "request", "host");
        return new DeliveryDescription(
                Deliveries.id(Json.text(json, "id")),
                Deliveries.eventField(Json.text(json, "action"), "action", "Azure Container Registry"),
                repository,
                null,
                Json.text(json, "target", "digest"),
                host == null || repository == null ? repository : host + "/" + repository,
                Json.text(json, "target", "tag"),
                null,
                null);
    }
}
