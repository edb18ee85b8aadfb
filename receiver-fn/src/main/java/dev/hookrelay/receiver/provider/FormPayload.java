package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code application/x-www-form-urlencoded} delivery of GitHub, Gitea, Forgejo and Gogs:
 * the JSON document travels as the form field {@code payload}.
 */
final class FormPayload {
    static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private FormPayload() {
    }

    /** The JSON document of a delivery: the body itself, or the {@code payload} field of a form post. */
    static JsonNode document(WebhookRequest request) throws MalformedPayloadException {
        return Json.object(isForm(request) ? payload(request.body()) : request.body());
    }

    static boolean isForm(WebhookRequest request) {
        return MEDIA_TYPE.equals(request.mediaType());
    }

    /** The decoded {@code payload} field of a form body, as UTF-8 bytes. */
    static byte[] payload(byte[] body) throws MalformedPayloadException {
        String form = new String(body, StandardCharsets.UTF_8);
        try {
            for (String pair : form.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (name.equals("payload")) {
                    String value = equals < 0 ? "" : pair.substring(equals + 1);
                    return URLDecoder.decode(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("body is not form-encoded: it holds an incomplete %-escape");
        }
        throw new MalformedPayloadException("form body has no payload field; the provider posts payload=<JSON>");
    }
}
