package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider, given deliveries in its documented format signed in the test: a genuine one
 * verifies and says what changed; a forged, altered or unproven one is refused with a message
 * that names the header and never holds the token, the signature sent or the payload.
 */
class ProviderContractTest {
    static final String TOKEN_TEXT = "t0k3n-under-test-5b8e1f2a9c";
    static final byte[] TOKEN = TOKEN_TEXT.getBytes(StandardCharsets.UTF_8);
    static final byte[] WRONG_TOKEN = "an-attacker-guess-0000000000".getBytes(StandardCharsets.UTF_8);
    static final String PAYLOAD_SECRET = "payload-content-must-not-echo";

    static Stream<Delivery> deliveries() {
        return DocumentedDeliveries.all();
    }

    static Stream<Delivery> proven() {
        return deliveries().filter(d -> d.auth().header() != null);
    }

    static Stream<Delivery> signed() {
        return deliveries().filter(d -> d.auth().signsBody());
    }

    static Stream<Delivery> tokenInHeader() {
        return proven().filter(d -> !d.auth().signsBody());
    }

    static Stream<Delivery> secretPath() {
        return deliveries().filter(d -> d.auth().header() == null);
    }

    static Stream<Delivery> parsed() {
        return deliveries().filter(Delivery::parsesBody);
    }

    @Test
    void everyProviderHasADocumentedDelivery() {
        Set<String> covered = deliveries().map(d -> d.type).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Providers.types()), covered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveries")
    void aGenuineDeliveryVerifiesAndSaysWhatChanged(Delivery delivery) throws Exception {
        Provider provider = delivery.provider();
        WebhookRequest request = delivery.signedWith(TOKEN);

        assertTrue(provider.contentTypes().contains(delivery.mediaType()),
                () -> provider.type() + " accepts " + delivery.mediaType());
        provider.verify(request, TOKEN);
        assertEquals(delivery.expected(), provider.describe(request));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signed")
    void anAlteredBodyIsRefused(Delivery delivery) {
        byte[] altered = delivery.body();
        altered[altered.length / 2] ^= 0x01;

        VerificationException refused = assertThrows(VerificationException.class,
                () -> delivery.provider().verify(delivery.signedWith(TOKEN, altered), TOKEN));

        assertTrue(refused.getMessage().contains(delivery.auth().header()), refused.getMessage());
        assertTrue(refused.getMessage().contains("does not match"), refused.getMessage());
        assertRevealsNothing(refused.getMessage(), delivery.signedWith(TOKEN, altered));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proven")
    void aDeliveryProvingAnotherTokenIsRefused(Delivery delivery) {
        WebhookRequest forged = delivery.signedWith(WRONG_TOKEN);

        VerificationException refused = assertThrows(VerificationException.class,
                () -> delivery.provider().verify(forged, TOKEN));

        assertTrue(refused.getMessage().contains(delivery.auth().header()), refused.getMessage());
        assertRevealsNothing(refused.getMessage(), forged);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proven")
    void aDeliveryWithoutProofIsRefusedNamingTheHeader(Delivery delivery) {
        VerificationException refused = assertThrows(VerificationException.class,
                () -> delivery.provider().verify(delivery.withoutProof(), TOKEN));

        assertTrue(refused.getMessage().startsWith("missing "), refused.getMessage());
        assertTrue(refused.getMessage().contains(delivery.auth().header()), refused.getMessage());
        assertRevealsNothing(refused.getMessage(), delivery.withoutProof());
    }

    /** GitLab, Harbor, Azure DevOps and generic send the token itself: it vouches for the sender, not the body. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenInHeader")
    void aTokenHeaderVouchesForTheSenderNotTheBody(Delivery delivery) {
        byte[] altered = delivery.body();
        if (altered.length > 0) {
            altered[altered.length / 2] ^= 0x01;
        }
        assertDoesNotThrow(() -> delivery.provider().verify(delivery.signedWith(TOKEN, altered), TOKEN));
    }

    /** DockerHub, Quay and ACR cannot sign: the caller's check of the secret path is the only proof. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("secretPath")
    void anUnsignedRegistryDeliveryIsProvenByItsPathAlone(Delivery delivery) {
        assertDoesNotThrow(() -> delivery.provider().verify(delivery.withoutProof(), WRONG_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsed")
    void aBodyThatIsNotJsonIsMalformed(Delivery delivery) throws Exception {
        Delivery broken = delivery.withPayload("{\"ref\": \"" + PAYLOAD_SECRET + "\", oops}");
        WebhookRequest request = broken.signedWith(TOKEN);
        delivery.provider().verify(request, TOKEN);

        MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                () -> delivery.provider().describe(request));

        assertTrue(malformed.getMessage().startsWith("body is not valid JSON: "), malformed.getMessage());
        assertRevealsNothing(malformed.getMessage(), request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parsed")
    void missingOptionalFieldsAreNull(Delivery delivery) throws Exception {
        Delivery sparse = delivery.withPayload(delivery.mediaType().equals(CDEvents.STRUCTURED)
                ? "{\"id\":\"e-1\",\"type\":\"dev.cdevents.change.merged.0.2.0\",\"source\":\"/ci\",\"specversion\":\"1.0\"}"
                : "{\"eventType\":\"git.push\",\"type\":\"PUSH_ARTIFACT\",\"action\":\"push\"}");
        WebhookRequest request = sparse.signedWith(TOKEN);
        delivery.provider().verify(request, TOKEN);

        DeliveryDescription event = delivery.provider().describe(request);

        assertAll(
                () -> assertTrue(event.id() == null || !event.id().isBlank(), "an id is absent or not blank"),
                () -> assertFalse(event.type().isBlank()),
                () -> assertEquals(null, event.repository()),
                () -> assertEquals(null, event.ref()),
                () -> assertEquals(null, event.revision()),
                () -> assertEquals(null, event.image()),
                () -> assertEquals(null, event.tag()),
                () -> assertEquals(null, event.sender()));
    }

    /** The message a caller sees holds neither the token, nor what the sender sent as proof, nor the payload. */
    static void assertRevealsNothing(String message, WebhookRequest request) {
        assertFalse(message.contains(TOKEN_TEXT), () -> "message holds the token: " + message);
        assertFalse(message.contains(PAYLOAD_SECRET), () -> "message holds the payload: " + message);
        for (String header : new String[] {"Authorization", "X-Gitlab-Token", "X-Signature", "X-Hub-Signature",
                "X-Hub-Signature-256", "X-Gitea-Signature", "X-Forgejo-Signature", "X-Gogs-Signature",
                "X-Nexus-Webhook-Signature"}) {
            request.header(header).map(ProviderContractTest::proofPart).ifPresent(proof ->
                    assertFalse(message.contains(proof), () -> "message holds the " + header + " sent: " + message));
        }
    }

    /** The secret-bearing part of a proof header, without a scheme such as "sha256=" or "Bearer ". */
    private static String proofPart(String value) {
        String proof = value.substring(Math.max(value.indexOf('=') + 1, value.indexOf(' ') + 1));
        return proof.length() < 8 ? value : proof;
    }
}
