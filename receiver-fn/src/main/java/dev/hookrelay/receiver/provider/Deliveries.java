package dev.hookrelay.receiver.provider;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where a delivery's id and event type come from, and the id of a delivery that carries none. */
final class Deliveries {
    private Deliveries() {
    }

    /**
     * The first of {@code headers} the delivery carries, else the digest of its body: a provider
     * that sends no id redelivers the same bytes, so the digest still recognises a redelivery.
     */
    static String id(WebhookRequest request, String... headers) {
        for (String header : headers) {
            String value = request.header(header).map(String::strip).orElse("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return digest(request.body());
    }

    /** {@code id} when present, else the digest of the body. */
    static String idOrDigest(String id, byte[] body) {
        return id == null || id.isBlank() ? digest(body) : id;
    }

    /** {@code sha256:} and the first 32 hex digits (128 bits) of the body's SHA-256. */
    static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "sha256:" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** The event type a provider sends in a header, or a MalformedPayloadException naming it. */
    static String eventHeader(WebhookRequest request, String header, String provider)
            throws MalformedPayloadException {
        String value = request.header(header).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException("missing " + header + " header: " + provider
                    + " names the event of each delivery in it");
        }
        return value;
    }

    /** The event type a provider sends in a body field, or a MalformedPayloadException naming the field. */
    static String eventField(String value, String field, String provider) throws MalformedPayloadException {
        if (value == null || value.isBlank()) {
            throw new MalformedPayloadException("body has no " + field + ": " + provider
                    + " names the event of each delivery in it");
        }
        return value;
    }
}
