package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;
import java.util.Set;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, the event in
 * {@code X-GitHub-Event} (a {@code ping} when the hook is created), the delivery id in
 * {@code X-GitHub-Delivery}. The body is JSON, or a form whose {@code payload} field is the JSON;
 * either way the signature covers the body as sent.
 */
final class GitHub implements Provider {
    private static final HmacHeader SIGNATURE = new HmacHeader("X-Hub-Signature-256", "sha256=", "HmacSHA256",
            "GitHub signs each delivery with the webhook secret");

    @Override
    public String type() {
        return "github";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json", FormPayload.MEDIA_TYPE);
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        SIGNATURE.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        return summary(
                Deliveries.id(request, "X-GitHub-Delivery"),
                Deliveries.eventHeader(request, "X-GitHub-Event", "GitHub"),
                FormPayload.document(request));
    }

    /** What a GitHub-shaped payload says changed; Gitea, Forgejo and Gogs send the same shape. */
    static DeliveryDescription summary(String id, String type, JsonNode json) {
        return new DeliveryDescription(id, type,
                Json.text(json, "repository", "full_name"),
                Json.text(json, "ref"),
                Json.text(json, "after"),
                null,
                null,
                Json.text(json, "sender", "login"),
                Json.text(json, "action"));
    }
}
