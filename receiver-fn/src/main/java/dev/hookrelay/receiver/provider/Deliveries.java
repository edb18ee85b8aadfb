package dev.hookrelay.receiver.provider;

/**
 * Where a delivery's id and event type come from. Only an id the provider assigned identifies a
 * delivery: two deliveries with the same body (a re-push of the same tag, a CI job calling twice)
 * are two events, so a delivery without one has a null id and is never taken for a redelivery.
 */
final class Deliveries {
    private Deliveries() {
    }

    /** The first of {@code headers} the delivery carries, else null: the provider assigned none. */
    static String id(WebhookRequest request, String... headers) {
        for (String header : headers) {
            String value = request.header(header).map(String::strip).orElse("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** An id from the body, or null when it is absent or blank. */
    static String id(String fromBody) {
        return fromBody == null || fromBody.isBlank() ? null : fromBody;
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
