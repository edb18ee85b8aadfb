package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignaturesTest {
    private static final byte[] TOKEN = "It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    private static final HmacHeader GITHUB = new HmacHeader("X-Hub-Signature-256", "sha256=", "HmacSHA256", "why");

    /** The worked example in GitHub's "Validating webhook deliveries". */
    @Test
    void computesGitHubsDocumentedExample() {
        assertEquals("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
                Signatures.hmacHex("HmacSHA256", TOKEN, BODY));
    }

    @Test
    void hexDigitsMayBeUpperCaseAndThePrefixAnyCase() {
        String hex = Signatures.hmacHex("HmacSHA256", TOKEN, BODY).toUpperCase(Locale.ROOT);

        assertDoesNotThrow(() -> GITHUB.verify(request("X-Hub-Signature-256", "SHA256=" + hex), TOKEN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1=757107ea0eb2509fc211221cce984b8a37570b6d", "757107ea0eb2509fc211221cce984b8a"})
    void aSignatureOfAnotherFormIsRefusedShowingTheForm(String value) {
        VerificationException refused = assertThrows(VerificationException.class,
                () -> GITHUB.verify(request("X-Hub-Signature-256", value), TOKEN));

        assertEquals("X-Hub-Signature-256 is not of the form sha256=<hex>", refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256=not-hex-at-all", "sha256=757", "sha256="})
    void aSignatureThatIsNotTheRightHexIsRefused(String value) {
        VerificationException refused = assertThrows(VerificationException.class,
                () -> GITHUB.verify(request("X-Hub-Signature-256", value), TOKEN));

        assertTrue(refused.getMessage().startsWith("X-Hub-Signature-256 does not"), refused.getMessage());
    }

    @Test
    void aBlankHeaderCountsAsMissing() {
        VerificationException refused = assertThrows(VerificationException.class,
                () -> GITHUB.verify(request("X-Hub-Signature-256", "  "), TOKEN));

        assertEquals("missing X-Hub-Signature-256 header: why", refused.getMessage());
    }

    /** An empty token would make an unkeyed HMAC, or an empty X-Gitlab-Token, pass. */
    @Test
    void anEmptyTokenVerifiesNothing() {
        String unkeyed = "sha256=" + Signatures.hmacHex("HmacSHA256", new byte[] {0}, BODY);
        TokenHeader gitlab = new TokenHeader("X-Gitlab-Token", "", "why");

        VerificationException hmac = assertThrows(VerificationException.class,
                () -> GITHUB.verify(request("X-Hub-Signature-256", unkeyed), new byte[0]));
        VerificationException token = assertThrows(VerificationException.class,
                () -> gitlab.verify(request("X-Gitlab-Token", "x"), new byte[0]));

        assertTrue(hmac.getMessage().startsWith("the Receiver's token is empty"), hmac.getMessage());
        assertTrue(token.getMessage().startsWith("the Receiver's token is empty"), token.getMessage());
    }

    @Test
    void aTokenThatIsOnlyAPrefixOfTheRealOneIsRefused() {
        TokenHeader gitlab = new TokenHeader("X-Gitlab-Token", "", "why");

        assertThrows(VerificationException.class, () -> gitlab.verify(request("X-Gitlab-Token", "It's a"), TOKEN));
        assertThrows(VerificationException.class,
                () -> gitlab.verify(request("X-Gitlab-Token", "It's a Secret to Everybody!"), TOKEN));
    }

    @Test
    void theBearerSchemeIsRequiredAndCaseInsensitive() {
        TokenHeader bearer = TokenHeader.bearer("why");
        String token = new String(TOKEN, StandardCharsets.UTF_8);

        assertDoesNotThrow(() -> bearer.verify(request("Authorization", "bearer " + token), TOKEN));
        VerificationException refused = assertThrows(VerificationException.class,
                () -> bearer.verify(request("Authorization", token), TOKEN));
        assertEquals("Authorization is not of the form Bearer <token>", refused.getMessage());
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        String signature = "sha256=" + Signatures.hmacHex("HmacSHA256", TOKEN, BODY);

        assertDoesNotThrow(() -> GITHUB.verify(request("x-hub-signature-256", signature), TOKEN));
    }

    private static WebhookRequest request(String header, String value) {
        return new WebhookRequest(Delivery.headers(Map.of(header, value)), "application/json", BODY);
    }
}
