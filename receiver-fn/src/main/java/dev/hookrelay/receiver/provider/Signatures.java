package dev.hookrelay.receiver.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checks every provider's {@code verify} is built from: HMACs of the body and shared-token
 * comparisons, always in constant time. Messages name the header; never the token, the value
 * received or the body.
 */
final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    /** The header's value, or a VerificationException saying it is missing and why it is expected. */
    static String header(WebhookRequest request, String name, String why) throws VerificationException {
        String value = request.header(name).orElse("");
        if (value.isBlank()) {
            throw new VerificationException(name, "missing " + name + " header: " + why);
        }
        return value.strip();
    }

    /** The value after {@code prefix} (compared case-insensitively), or a VerificationException showing the form. */
    static String afterPrefix(String header, String value, String prefix, String form) throws VerificationException {
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new VerificationException(header, header + " is not of the form " + form);
        }
        return value.substring(prefix.length()).strip();
    }

    /**
     * Checks that {@code hex} is the HMAC of {@code signed} keyed with the token.
     *
     * @param algorithm a javax.crypto.Mac name such as HmacSHA256
     */
    static void checkHmac(String header, String hex, String algorithm, byte[] token, byte[] signed)
            throws VerificationException {
        byte[] expected = hmac(algorithm, requireToken(token), signed);
        byte[] received;
        try {
            received = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(header, header + " does not hold a hexadecimal signature");
        }
        if (!MessageDigest.isEqual(expected, received)) {
            throw new VerificationException(header, header + " does not match the body signed with the Receiver's token");
        }
    }

    /** Checks that a token presented as is (a header value, a password) equals the Receiver's token. */
    static void checkToken(String header, String presented, byte[] token) throws VerificationException {
        if (!constantTimeEquals(presented.getBytes(StandardCharsets.UTF_8), requireToken(token))) {
            throw new VerificationException(header, header + " does not match the Receiver's token");
        }
    }

    static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JVM", e);
        }
    }

    static String hmacHex(String algorithm, byte[] key, byte[] data) {
        return HEX.formatHex(hmac(algorithm, key, data));
    }

    /** An empty token would let an empty header or an unkeyed MAC pass; refuse it outright. */
    private static byte[] requireToken(byte[] token) throws VerificationException {
        if (token == null || token.length == 0) {
            throw new VerificationException(null, "the Receiver's token is empty; give its Secret a non-empty key `token`");
        }
        return token;
    }
}
