package dev.hookrelay.receiver.provider;

import java.util.Set;

/**
 * Gitea and its relatives Forgejo and Gogs, which differ only in the name in their headers:
 * {@code X-<Name>-Signature: <bare hex HMAC-SHA256>}, {@code X-<Name>-Event},
 * {@code X-<Name>-Delivery}, and a GitHub-shaped JSON payload.
 *
 * <p>They sign the JSON payload, not the body: in a form post ({@code payload=<JSON>}) the
 * signature covers the decoded {@code payload} field.
 */
final class GiteaFamily implements Provider {
    private final String type;
    private final String product;
    private final HmacHeader signature;

    private GiteaFamily(String type, String product) {
        this.type = type;
        this.product = product;
        this.signature = new HmacHeader("X-" + product + "-Signature", "", "HmacSHA256",
                product + " signs each delivery with the webhook secret");
    }

    static GiteaFamily gitea() {
        return new GiteaFamily("gitea", "Gitea");
    }

    static GiteaFamily forgejo() {
        return new GiteaFamily("forgejo", "Forgejo");
    }

    static GiteaFamily gogs() {
        return new GiteaFamily("gogs", "Gogs");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json", FormPayload.MEDIA_TYPE);
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        if (!FormPayload.isForm(request)) {
            signature.verify(request, token);
            return;
        }
        byte[] payload;
        try {
            payload = FormPayload.payload(request.body());
        } catch (MalformedPayloadException e) {
            throw new VerificationException(signature.name(), signature.name() + " cannot be checked: " + e.getMessage());
        }
        signature.verify(request, token, payload);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        return GitHub.summary(
                Deliveries.id(request, "X-" + product + "-Delivery"),
                Deliveries.eventHeader(request, "X-" + product + "-Event", product),
                FormPayload.document(request));
    }
}
