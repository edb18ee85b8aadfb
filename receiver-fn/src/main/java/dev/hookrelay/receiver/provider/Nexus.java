package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;

/**
 * Sonatype Nexus Repository: {@code X-Nexus-Webhook-Signature: <bare hex HMAC-SHA1 of the body>}
 * keyed with the webhook's secret key, the event in {@code X-Nexus-Webhook-Id}
 * ({@code rm:repository:component}, {@code rm:repository:asset}, ...), the delivery id in
 * {@code X-Nexus-Webhook-Delivery}.
 */
final class Nexus implements Provider {
    private static final HmacHeader SIGNATURE = new HmacHeader("X-Nexus-Webhook-Signature", "", "HmacSHA1",
            "Nexus signs each delivery when the webhook has a secret key; set it to the Receiver's token");

    @Override
    public String type() {
        return "nexus";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        SIGNATURE.verify(request, token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        String type = Deliveries.eventHeader(request, "X-Nexus-Webhook-Id", "Nexus");
        JsonNode json = Json.object(request.body());
        return new DeliveryDescription(
                Deliveries.id(request, "X-Nexus-Webhook-Delivery"),
                type,
                Json.text(json, "repositoryName"),
                null,
                null,
                Json.either(Json.text(json, "component", "name"), Json.text(json, "asset", "name")),
                Json.text(json, "component", "version"),
                user(Json.text(json, "initiator")),
                Json.text(json, "action"));
    }

    /** Nexus names the initiator {@code user/address}; the address says nothing a watcher needs. */
    private static String user(String initiator) {
        if (initiator == null) {
            return null;
        }
        int slash = initiator.indexOf('/');
        return slash < 0 ? initiator : initiator.substring(0, slash);
    }
}
