package dev.hookrelay.receiver.provider;

import java.util.Locale;
import java.util.Map;

/**
 * Like {@link Generic}, but the sender proves the token by signing the body:
 * {@code X-Signature: <algorithm>=<hex HMAC of the body>} with sha1, sha256 or sha512.
 */
final class GenericHmac extends Generic {
    static final String HEADER = "X-Signature";
    private static final String FORM = "sha1=<hex>, sha256=<hex> or sha512=<hex>";
    private static final Map<String, String> ALGORITHMS = Map.of(
            "sha1", "HmacSHA1",
            "sha256", "HmacSHA256",
            "sha512", "HmacSHA512");

    @Override
    public String type() {
        return "generic-hmac";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        verifySignature(request, token, "sign the body with the Receiver's token and send " + HEADER + ": " + FORM);
    }

    /** Checks {@code X-Signature}; {@code why} says how to send it when it is missing. */
    static void verifySignature(WebhookRequest request, byte[] token, String why) throws VerificationException {
        String value = Signatures.header(request, HEADER, why);
        int equals = value.indexOf('=');
        String algorithm = equals < 0 ? null : ALGORITHMS.get(value.substring(0, equals).toLowerCase(Locale.ROOT));
        if (algorithm == null) {
            throw new VerificationException(HEADER, HEADER + " is not of the form " + FORM);
        }
        Signatures.checkHmac(HEADER, value.substring(equals + 1).strip(), algorithm, token, request.body());
    }
}
