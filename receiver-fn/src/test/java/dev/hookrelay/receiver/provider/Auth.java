package dev.hookrelay.receiver.provider;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a test delivery proves the token, computed here independently of the production code:
 * the headers a provider would add for a token and a body.
 *
 * @param header     the header that carries the proof; null where the provider sends none
 * @param signsBody  whether the proof covers the body, so that a changed body fails
 * @param headerFor  the header's value for a token and the body sent
 */
record Auth(String header, boolean signsBody, HeaderValue headerFor) {

    interface HeaderValue {
        String of(byte[] token, byte[] body) throws Exception;
    }

    Map<String, String> headers(byte[] token, byte[] body) {
        if (header == null) {
            return Map.of();
        }
        try {
            return Map.of(header, headerFor.of(token, body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code header: <prefix><hex HMAC of the body>}. */
    static Auth hmac(String header, String prefix, String algorithm) {
        return hmac(header, prefix, algorithm, UnaryOperator.identity());
    }

    /** As {@link #hmac(String, String, String)}, over the JSON in a form's payload field (Gitea, Forgejo, Gogs). */
    static Auth hmacOfFormPayload(String header) {
        return hmac(header, "", "HmacSHA256", body -> URLDecoder
                .decode(new String(body, StandardCharsets.UTF_8).substring("payload=".length()), StandardCharsets.UTF_8)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Auth hmac(String header, String prefix, String algorithm, UnaryOperator<byte[]> signedPart) {
        return new Auth(header, true, (token, body) -> {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(token, algorithm));
            return prefix + HexFormat.of().formatHex(mac.doFinal(signedPart.apply(body)));
        });
    }

    /** {@code header: <scheme><token>}: the token itself, which says nothing about the body. */
    static Auth token(String header, String scheme) {
        return new Auth(header, false, (token, body) -> scheme + new String(token, StandardCharsets.UTF_8));
    }

    /** {@code Authorization: Basic base64(user:token)}. */
    static Auth basic(String user) {
        return new Auth("Authorization", false, (token, body) -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + new String(token, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    /** Nothing: the webhook URL is the secret. */
    static Auth none() {
        return new Auth(null, false, null);
    }
}
