package dev.hookrelay.receiver.provider;

import static dev.hookrelay.receiver.provider.ProviderContractTest.TOKEN;
import static dev.hookrelay.receiver.provider.ProviderContractTest.TOKEN_TEXT;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the contract table does not show: each provider's particular rules. */
class ProviderDetailsTest {

    static Stream<Arguments> eventHeaders() {
        return Stream.of(
                Arguments.of(DocumentedDeliveries.githubPush(), "X-GitHub-Event"),
                Arguments.of(DocumentedDeliveries.giteaFamily("forgejo", "Forgejo"), "X-Forgejo-Event"),
                Arguments.of(DocumentedDeliveries.gitlabPush(), "X-Gitlab-Event"),
                Arguments.of(DocumentedDeliveries.bitbucketPush(), "X-Event-Key"),
                Arguments.of(DocumentedDeliveries.bitbucketServerRefsChanged(), "X-Event-Key"),
                Arguments.of(DocumentedDeliveries.nexusComponent(), "X-Nexus-Webhook-Id"));
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("eventHeaders")
    void aDeliveryWithoutItsEventHeaderIsMalformed(Delivery delivery, String header) {
        WebhookRequest request = without(delivery.signedWith(TOKEN), delivery, header);

        MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                () -> delivery.provider().describe(request));

        assertTrue(malformed.getMessage().startsWith("missing " + header + " header: "), malformed.getMessage());
    }

    @Nested
    class GiteaFamilyForms {
        private final Delivery form = DocumentedDeliveries.giteaFamily("gogs", "Gogs").asForm()
                .auth(Auth.hmacOfFormPayload("X-Gogs-Signature"));

        @Test
        void aSignatureOverTheFormBodyRatherThanThePayloadIsRefused() {
            Delivery signedLikeGitHub = DocumentedDeliveries.giteaFamily("gogs", "Gogs").asForm();

            assertThrows(VerificationException.class,
                    () -> signedLikeGitHub.provider().verify(signedLikeGitHub.signedWith(TOKEN), TOKEN));
        }

        @Test
        void aFormWithoutPayloadCannotBeVerified() {
            WebhookRequest request = new WebhookRequest(Delivery.headers(Map.of("X-Gogs-Signature", "00")), FormPayload.MEDIA_TYPE,
                    "ref=main&after=abc".getBytes(StandardCharsets.UTF_8));

            VerificationException refused = assertThrows(VerificationException.class,
                    () -> form.provider().verify(request, TOKEN));

            assertTrue(refused.getMessage().startsWith("X-Gogs-Signature cannot be checked: form body has no payload"),
                    refused.getMessage());
        }

        @Test
        void aFormWithABrokenEscapeIsMalformed() {
            WebhookRequest request = new WebhookRequest(Delivery.headers(Map.of("X-Gogs-Event", "push")), FormPayload.MEDIA_TYPE,
                    "payload=%7B%22ref%2".getBytes(StandardCharsets.UTF_8));

            MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                    () -> form.provider().describe(request));

            assertEquals("body is not form-encoded: it holds an incomplete %-escape", malformed.getMessage());
        }
    }

    @Nested
    class GitLabIds {
        @Test
        void theIdempotencyKeyWhichSurvivesRetriesIsPreferred() throws Exception {
            Delivery delivery = DocumentedDeliveries.gitlabPush()
                    .header("Idempotency-Key", "0b7c3f8e-5d21-4a8b-9e6f-3c2d1a0b9f8e");

            assertEquals("0b7c3f8e-5d21-4a8b-9e6f-3c2d1a0b9f8e",
                    delivery.provider().describe(delivery.signedWith(TOKEN)).id());
        }

        @Test
        void aMergeRequestHookNamesItsUserAndAction() throws Exception {
            Delivery delivery = DocumentedDeliveries.gitlabPush().header("X-Gitlab-Event", "Merge Request Hook")
                    .withPayload("""
                            {"object_kind": "merge_request", "user": {"username": "root"},
                             "project": {"path_with_namespace": "gitlabhq/gitlab-test"},
                             "object_attributes": {"iid": 1, "action": "open", "source_branch": "ms-viewport"}}
                            """);

            DeliveryDescription event = delivery.provider().describe(delivery.signedWith(TOKEN));

            assertEquals("Merge Request Hook", event.type());
            assertEquals("gitlabhq/gitlab-test", event.repository());
            assertEquals("root", event.sender());
            assertEquals("open", event.action());
        }
    }

    @Test
    void bitbucketWithoutRequestUuidHasNoIdNotTheHooksUuid() throws Exception {
        Delivery delivery = DocumentedDeliveries.bitbucketPush();
        WebhookRequest request = without(delivery.signedWith(TOKEN), delivery, "X-Request-UUID");

        assertNull(delivery.provider().describe(request).id());
    }

    @Test
    void bitbucketFallsBackToTheActorsDisplayName() throws Exception {
        Delivery delivery = DocumentedDeliveries.bitbucketPush()
                .withPayload("{\"actor\": {\"display_name\": \"Ada Lovelace\"}, \"push\": {\"changes\": []}}");

        DeliveryDescription event = delivery.provider().describe(delivery.signedWith(TOKEN));

        assertEquals("Ada Lovelace", event.sender());
        assertNull(event.ref());
    }

    @Nested
    class AzureDevOpsBasicAuth {
        private final Provider azure = new AzureDevOps();

        @ParameterizedTest
        @ValueSource(strings = {"", "any-user", "someone@example.com"})
        void anyUserNameWithTheTokenAsPasswordIsAccepted(String user) {
            assertDoesNotThrow(() -> azure.verify(basic(user + ":" + TOKEN_TEXT), TOKEN));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Bearer abc", "Basic not*base64", "Basic dXNlcm5hbWVvbmx5"})
        void credentialsOfAnotherFormAreRefusedShowingTheForm(String authorization) {
            VerificationException refused = assertThrows(VerificationException.class,
                    () -> azure.verify(new WebhookRequest(Delivery.headers(Map.of("Authorization", authorization)), "application/json",
                            new byte[0]), TOKEN));

            assertEquals("Authorization is not of the form Basic <base64 of user:password>", refused.getMessage());
        }

        @Test
        void theTokenAsUserNameIsNotEnough() {
            VerificationException refused = assertThrows(VerificationException.class,
                    () -> azure.verify(basic(TOKEN_TEXT + ":"), TOKEN));

            assertEquals("The password in Authorization does not match the Receiver's token", refused.getMessage());
        }

        @Test
        void aPayloadWithoutEventTypeIsMalformed() {
            MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                    () -> azure.describe(basic("u:p")));

            assertTrue(malformed.getMessage().startsWith("body has no eventType: "), malformed.getMessage());
        }

        private WebhookRequest basic(String userAndPassword) {
            String encoded = Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
            return new WebhookRequest(Delivery.headers(Map.of("Authorization", "Basic " + encoded)), "application/json",
                    "{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void harborComparesTheWholeAuthHeaderNotJustTheToken() {
        WebhookRequest request = new WebhookRequest(Delivery.headers(Map.of("Authorization", "Bearer " + TOKEN_TEXT)), "application/json",
                new byte[0]);

        assertThrows(VerificationException.class, () -> new Harbor().verify(request, TOKEN));
    }

    @Test
    void nexusWithoutAnAddressInTheInitiatorKeepsTheWholeName() throws Exception {
        Delivery delivery = DocumentedDeliveries.nexusComponent().withPayload("{\"initiator\": \"anonymous\"}");

        assertEquals("anonymous", delivery.provider().describe(delivery.signedWith(TOKEN)).sender());
    }

    @Nested
    class GenericHmacAlgorithms {
        @ParameterizedTest
        @ValueSource(strings = {"md5=0123456789abcdef", "0123456789abcdef", "sha384=0123"})
        void anotherAlgorithmIsRefusedShowingTheForm(String signature) {
            WebhookRequest request = new WebhookRequest(Delivery.headers(Map.of("X-Signature", signature)), "application/json",
                    new byte[0]);

            VerificationException refused = assertThrows(VerificationException.class,
                    () -> new GenericHmac().verify(request, TOKEN));

            assertEquals("X-Signature is not of the form sha1=<hex>, sha256=<hex> or sha512=<hex>",
                    refused.getMessage());
        }

        @Test
        void genericDeliveriesMayCarryAnyBodyOrNone() {
            assertTrue(new GenericHmac().contentTypes().containsAll(
                    java.util.Set.of("", "application/json", "text/plain", "application/octet-stream",
                            FormPayload.MEDIA_TYPE)));
        }
    }

    @Nested
    class CloudEvents {
        private final Provider cdevents = new CDEvents();

        @Test
        void aWrongSignatureIsNotRescuedByAValidBearerToken() {
            WebhookRequest request = new WebhookRequest(Delivery.headers(Map.of("X-Signature", "sha256=00",
                    "Authorization", "Bearer " + TOKEN_TEXT)), "application/json", new byte[] {'{', '}'});

            assertThrows(VerificationException.class, () -> cdevents.verify(request, TOKEN));
        }

        @ParameterizedTest
        @ValueSource(strings = {"ce-id", "ce-type"})
        void aBinaryModeEventWithoutItsAttributeHeaderIsMalformed(String header) {
            Delivery delivery = DocumentedDeliveries.cdeventsBinarySigned();
            WebhookRequest request = without(delivery.signedWith(TOKEN), delivery, header);

            MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                    () -> cdevents.describe(request));

            assertTrue(malformed.getMessage().startsWith("missing " + header + " header: "), malformed.getMessage());
        }

        @Test
        void aStructuredModeEventWithoutIdIsMalformed() {
            WebhookRequest request = structured("{\"type\": \"dev.cdevents.change.merged.0.2.0\", \"source\": \"/ci\"}");

            MalformedPayloadException malformed = assertThrows(MalformedPayloadException.class,
                    () -> cdevents.describe(request));

            assertEquals("CloudEvent has no id attribute", malformed.getMessage());
        }

        @Test
        void structuredDataMayBeBase64() throws Exception {
            String cdevent = "{\"subject\": {\"id\": \"feature-a\", \"type\": \"branch\","
                    + " \"content\": {\"repository\": {\"id\": \"acme/api\"}}}}";
            WebhookRequest request = structured("{\"id\": \"e-7\", \"type\": \"dev.cdevents.branch.created.0.2.0\","
                    + " \"source\": \"/scm\", \"data_base64\": \""
                    + Base64.getEncoder().encodeToString(cdevent.getBytes(StandardCharsets.UTF_8)) + "\"}");

            assertEquals(new DeliveryDescription("e-7", "dev.cdevents.branch.created.0.2.0", "acme/api", "feature-a",
                    null, null, null, null, "created"), cdevents.describe(request));
        }

        @Test
        void aRepositorySubjectIsTheRepositoryAndOtherCloudEventsHaveNoPredicate() throws Exception {
            WebhookRequest repository = structured("{\"id\": \"e-8\", \"type\": \"dev.cdevents.repository.created.0.2.0\","
                    + " \"data\": {\"subject\": {\"id\": \"acme/api\", \"type\": \"repository\"}}}");
            WebhookRequest other = structured("{\"id\": \"e-9\", \"type\": \"com.example.thing.happened\"}");

            assertEquals("acme/api", cdevents.describe(repository).repository());
            assertNull(cdevents.describe(other).action());
        }

        private WebhookRequest structured(String body) {
            return new WebhookRequest(Delivery.headers(Map.of()), CDEvents.STRUCTURED, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request as sent, less one header. */
    private static WebhookRequest without(WebhookRequest request, Delivery delivery, String header) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"X-GitHub-Event", "X-GitHub-Delivery", "X-Forgejo-Event", "X-Forgejo-Delivery",
                "X-Forgejo-Signature", "X-Gitlab-Event", "X-Gitlab-Event-UUID", "X-Gitlab-Token", "X-Event-Key",
                "X-Request-UUID", "X-Hook-UUID", "X-Request-Id", "X-Hub-Signature", "X-Hub-Signature-256",
                "X-Nexus-Webhook-Id", "X-Nexus-Webhook-Delivery", "X-Nexus-Webhook-Signature", "X-Signature",
                "ce-id", "ce-type", "ce-source", "ce-specversion"}) {
            if (!name.equalsIgnoreCase(header)) {
                request.header(name).ifPresent(value -> headers.put(name, value));
            }
        }
        return new WebhookRequest(Delivery.headers(headers), delivery.mediaType(), request.body());
    }
}
