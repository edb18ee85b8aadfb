package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Bitbucket Server and Data Center: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>}
 * when the webhook has a secret, the event in {@code X-Event-Key} ({@code repo:refs_changed};
 * the "Test connection" button sends {@code diagnostics:ping}), the delivery id in
 * {@code X-Request-Id}.
 */
final class BitbucketServer implements Provider {
    private static final HmacHeader SIGNATURE = new HmacHeader("X-Hub-Signature", "sha256=", "HmacSHA256",
            "Bitbucket Server signs each delivery when the webhook has a secret;"
                    + " set the secret to the Receiver's token");

    @Override
    public String type() {
        return "bitbucket-server";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        SIGNATURE.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        String type = Deliveries.eventHeader(request, "X-Event-Key", "Bitbucket Server");
        JsonNode json = Json.object(request.body());
        JsonNode change = Json.at(json, "changes", "0");
        return new DeliveryDescription(
                Deliveries.id(request, "X-Request-Id"),
                type,
                repository(json),
                Json.either(Json.text(change, "ref", "id"), Json.text(change, "refId")),
                Json.text(change, "toHash"),
                null,
                null,
                Json.text(json, "actor", "name"),
                null);
    }

    /** PROJECT/repo, the way Bitbucket Server names a repository in its URLs. */
    private static String repository(JsonNode json) {
        String project = Json.text(json, "repository", "project", "key");
        String slug = Json.text(json, "repository", "slug");
        return project == null || slug == null ? slug : project + "/" + slug;
    }
}
