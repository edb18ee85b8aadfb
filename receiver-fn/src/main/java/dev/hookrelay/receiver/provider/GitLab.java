package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * GitLab: the webhook's secret token verbatim in {@code X-Gitlab-Token}, the event in
 * {@code X-Gitlab-Event} ({@code Push Hook}, {@code Tag Push Hook}, ...).
 *
 * <p>The id is {@code Idempotency-Key} where GitLab sends it (17.4 and later; it stays the same
 * when a delivery is retried, so a retry is not counted twice), else {@code X-Gitlab-Event-UUID}.
 */
final class GitLab implements Provider {
    private static final TokenHeader TOKEN = new TokenHeader("X-Gitlab-Token", "",
            "GitLab sends the webhook's secret token in it; set the secret token to the Receiver's token");

    @Override
    public String type() {
        return "gitlab";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        TOKEN.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        String type = Deliveries.eventHeader(request, "X-Gitlab-Event", "GitLab");
        JsonNode json = Json.object(request.body());
        return new DeliveryDescription(
                Deliveries.id(request, "Idempotency-Key", "X-Gitlab-Event-UUID"),
                type,
                Json.text(json, "project", "path_with_namespace"),
                Json.text(json, "ref"),
                Json.either(Json.text(json, "checkout_sha"), Json.text(json, "after")),
                null,
                null,
                Json.either(Json.text(json, "user_username"), Json.text(json, "user", "username")),
                Json.text(json, "object_attributes", "action"));
    }
}
