package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Alert;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * generic: the event's JSON, POSTed to the address as Flux's generic Provider does;
 * generic-hmac: the same, signed with the Secret's token in {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>}.
 */
final class GenericWebhook implements Notifier {
    static final List<String> TYPES = List.of("generic", "generic-hmac");

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        String body = FluxEventJson.write(event).toString();
        Map<String, String> headers = "generic-hmac".equals(endpoint.type())
                ? Map.of("X-Signature", "sha256=" + hmacSha256(endpoint.requiredToken(), body))
                : Map.of();
        return List.of(OutboundRequest.postJson(endpoint.addressUri(), headers, body));
    }

    private static String hmacSha256(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
