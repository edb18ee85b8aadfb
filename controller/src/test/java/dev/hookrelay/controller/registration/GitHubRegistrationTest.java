package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.FAST;
import static dev.hookrelay.controller.registration.Registrations.TIMEOUT;
import static dev.hookrelay.controller.registration.Registrations.awaitEvent;
import static dev.hookrelay.controller.registration.Registrations.awaitGone;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** GitHub, through a local server that answers as GitHub's REST API documents it. */
@ExtendWith(ControlPlaneExtension.class)
class GitHubRegistrationTest {
    private static final String REPO = "repos/acme/podinfo";
    private static final String TOKEN = "ghp_" + "a".repeat(36);

    private static V1alpha1ReceiverSpec spec(GitHubStandIn github, String credentials, List<String> events) {
        return new V1alpha1ReceiverSpec().type("github").events(events)
                .registration(Registrations.at(github.baseUrl(), credentials).repository("acme/podinfo"));
    }

    /** Creates the Receiver and plays Knative, so that status.url is set. */
    private static void createReceiver(Cluster cluster, String name, V1alpha1ReceiverSpec spec) {
        cluster.createReceiver(name, spec);
        cluster.markKnativeServiceReady("hookrelay-" + name);
    }

    private static String tokenOf(Cluster cluster, V1alpha1Receiver receiver) {
        return new String(cluster.secret(receiver.getStatus().getSecretName()).getData().get("token"), StandardCharsets.UTF_8);
    }

    @Test
    void aWebhookOnPageTwoIsAdoptedAndGivenTheReceiversSecret(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "a-webhook-on-page-tw");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            github.token(TOKEN, "admin:repo_hook");
            cluster.createSecret("gh-admin", Map.of("token", TOKEN));
            // the webhook someone registered by hand from status.url, on page 2 of 2
            String token = "f".repeat(64);
            cluster.createSecret("adopt-token", Map.of("token", token));
            V1alpha1ReceiverSpec spec = spec(github, "gh-admin", List.of("push", "ping"))
                    .secretRef(new V1alpha1SecretRef().name("adopt-token"));
            String statusUrl = Registrations.createUnregistered(cluster, "adopt", spec);
            for (int i = 0; i < 104; i++) {
                github.addByHand(REPO, "https://ci.example.com/hook-" + i, "theirs", "push");
            }
            String existing = github.addByHand(REPO, statusUrl, "stale-secret", "issues");
            Registrations.register(cluster, "adopt", spec.getRegistration());

            V1alpha1Receiver adopted = awaitRegistered(cluster, "adopt");
            assertEquals(existing, adopted.getStatus().getRegistration().getHookID());
            assertEquals(statusUrl, adopted.getStatus().getUrl());
            assertEquals(105, github.collection(REPO).size());
            JsonObject hook = github.hook(REPO, existing);
            assertEquals(statusUrl, hook.getAsJsonObject("config").get("url").getAsString());
            assertEquals("json", hook.getAsJsonObject("config").get("content_type").getAsString());
            assertEquals("0", hook.getAsJsonObject("config").get("insecure_ssl").getAsString());
            assertTrue(hook.get("active").getAsBoolean());
            assertEquals("[\"push\"]", hook.getAsJsonArray("events").toString(), "ping is GitHub's own, never subscribed");
            assertEquals(tokenOf(cluster, adopted), github.secretOf(existing));
            assertTrue(github.seen().stream().anyMatch(s -> s.method().equals("PATCH")), "updated in place");
            awaitEvent(cluster, "adopt", "HookAdopted");
        }
    }

    @Test
    void aGitHubAppAuthenticatesWithASignedJwtAndReusesItsInstallationToken(ControlPlane plane)
            throws Exception {
        TestNamespace namespace = TestNamespace.create(plane, "a-git-hub-app-authen");
        Cluster cluster = new Cluster(plane, namespace.name());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair key = generator.generateKeyPair();
        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            github.collection("orgs/acme");
            github.app("123456", "987", key.getPublic());
            // as GitHub hands it out: PKCS#1, "BEGIN RSA PRIVATE KEY"
            cluster.createSecret("gh-app", Map.of("appID", "123456", "installationID", "987", "privateKey", pkcs1Pem(key)));
            cluster.createReceiver("app", new V1alpha1ReceiverSpec().type("github").events(List.of("push"))
                    .registration(Registrations.at(github.baseUrl(), "gh-app").organization("acme")));
            cluster.markKnativeServiceReady("hookrelay-app");

            V1alpha1Receiver registered = awaitRegistered(cluster, "app");
            assertEquals("acme", registered.getStatus().getRegistration().getOrganization());
            assertEquals(1, github.collection("orgs/acme").size());
            Instant verified = registered.getStatus().getRegistration().getLastVerifiedAt().toInstant();
            Eventually.await("read back twice more", TIMEOUT, () -> github.seen().stream()
                    .filter(s -> s.method().equals("GET") && s.path().startsWith("/orgs/acme/hooks/")).count() >= 2);
            assertEquals(1, github.installationTokensIssued.get(), "the installation token is kept until it expires");
            assertTrue(verified.isAfter(Instant.now().minusSeconds(60)));
        }
    }

    @Test
    void eachRefusalBecomesAConditionThatSaysWhatToFix(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "each-refusal-becomes");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            github.collection(REPO);
            github.token(TOKEN, "admin:repo_hook");
            github.token("ghp_readonly", "repo");
            cluster.createSecret("good", Map.of("token", TOKEN));
            cluster.createSecret("wrong", Map.of("token", "ghp_wrong"));
            cluster.createSecret("readonly", Map.of("token", "ghp_readonly"));

            createReceiver(cluster, "unauthorized", spec(github, "wrong", List.of("push")));
            createReceiver(cluster, "forbidden", spec(github, "readonly", List.of("push")));
            createReceiver(cluster, "invalid", spec(github, "good", List.of("not-an-event")));
            cluster.createReceiver("missing", new V1alpha1ReceiverSpec().type("github")
                    .registration(Registrations.at(github.baseUrl(), "good").repository("acme/nothing")));
            cluster.markKnativeServiceReady("hookrelay-missing");
            cluster.createReceiver("nosecret", spec(github, "absent", List.of("push")));
            cluster.markKnativeServiceReady("hookrelay-nosecret");

            assertMessage(cluster, "unauthorized", "Unauthorized", "Bad credentials");
            assertMessage(cluster, "forbidden", "Forbidden", "admin:repo_hook");
            assertMessage(cluster, "invalid", "Rejected", "not-an-event is not a valid event name");
            assertMessage(cluster, "missing", "NotFound", "repository acme/nothing");
            assertMessage(cluster, "nosecret", "SecretNotFound", "Secret absent");
            awaitEvent(cluster, "forbidden", "Forbidden");
        }
    }

    private static void assertMessage(Cluster cluster, String name, String reason, String part) {
        V1Condition condition = Registrations.registered(awaitRegistered(cluster, name, "False", reason));
        assertTrue(condition.getMessage().contains(part), condition.getMessage());
    }

    @Test
    void aRateLimitIsWaitedOutAndServerErrorsAreRetried(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "a-rate-limit-is-wait");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            github.collection(REPO);
            github.token(TOKEN, "admin:repo_hook");
            cluster.createSecret("gh-admin", Map.of("token", TOKEN));
            long reset = Instant.now().getEpochSecond() + 4;
            github.failNext(new StandIn.Answer(502, Map.of(), null));
            github.failNext(new StandIn.Answer(403, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Limit", "5000",
                    "X-RateLimit-Reset", Long.toString(reset)), com.google.gson.JsonParser.parseString(
                    "{\"message\":\"API rate limit exceeded for user ID 1.\"}")));
            createReceiver(cluster, "limited", spec(github, "gh-admin", List.of("push")));

            V1Condition limited = Registrations.registered(awaitRegistered(cluster, "limited", "False", "RateLimited"));
            assertTrue(limited.getMessage().contains("rate limit"), limited.getMessage());
            awaitRegistered(cluster, "limited");
            List<StandIn.Seen> seen = github.seen();
            int limitedAt = 1;
            assertTrue(seen.size() > limitedAt + 1);
            assertFalse(seen.get(limitedAt + 1).at().isBefore(Instant.ofEpochSecond(reset)),
                    "asked again at " + seen.get(limitedAt + 1).at() + ", before the reset at " + Instant.ofEpochSecond(reset));
            assertEquals(1, github.collection(REPO).size());
        }
    }

    @Test
    void anUnreachableProviderDelaysTheDeletionOnlyBoundedly(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "an-unreachable-provi");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            cluster.createSecret("gh-admin", Map.of("token", TOKEN));
            try (GitHubStandIn github = new GitHubStandIn()) {
                github.collection(REPO);
                github.token(TOKEN, "admin:repo_hook");
                createReceiver(cluster, "stranded", spec(github, "gh-admin", List.of("push")));
                awaitRegistered(cluster, "stranded");
            }
            cluster.deleteReceiver("stranded");
            V1Condition failing = Registrations.registered(awaitRegistered(cluster, "stranded", "False", "DeleteFailed"));
            assertTrue(failing.getMessage().contains("could not be reached"), failing.getMessage());
            awaitGone(cluster, "stranded");
            String left = awaitEvent(cluster, "stranded", "HookLeftBehind").getMessage();
            assertTrue(left.contains("delete the webhook at the provider by hand"), left);
        }
    }

    @Test
    void credentialsAppearInNoLogEventOrStatus(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "credentials-appear-i");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Level previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            github.collection(REPO);
            github.token(TOKEN, "admin:repo_hook");
            cluster.createSecret("gh-admin", Map.of("token", TOKEN));
            cluster.createSecret("gh-wrong", Map.of("token", "ghp_wrongwrongwrong"));
            createReceiver(cluster, "quiet", spec(github, "gh-admin", List.of("push")));
            createReceiver(cluster, "refused", spec(github, "gh-wrong", List.of("push")));
            V1alpha1Receiver quiet = awaitRegistered(cluster, "quiet");
            awaitRegistered(cluster, "refused", "False", "Unauthorized");
            github.addByHand(REPO, "https://elsewhere.example.com", "x", "push");
            cluster.deleteReceiver("quiet");
            awaitGone(cluster, "quiet");

            String webhookToken = tokenOf(cluster, cluster.receiver("refused"));
            List<String> secrets = List.of(TOKEN, "ghp_wrongwrongwrong", webhookToken);
            String status = cluster.receiver("refused").toString() + quiet;
            String events = cluster.eventsAbout("quiet").toString() + cluster.eventsAbout("refused");
            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertFalse(lines.isEmpty());
            for (String secret : secrets) {
                assertFalse(status.contains(secret), "a credential in a status");
                assertFalse(events.contains(secret), "a credential in an Event");
                lines.forEach(line -> assertFalse(line.contains(secret), "a credential in the log: " + line));
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(previous);
        }
    }

    /** The PKCS#1 RSAPrivateKey inside Java's PKCS#8 encoding, as PEM. */
    private static String pkcs1Pem(KeyPair key) {
        byte[] pkcs8 = key.getPrivate().getEncoded();
        // PrivateKeyInfo: SEQUENCE { INTEGER 0, AlgorithmIdentifier (15 bytes), OCTET STRING { RSAPrivateKey } }
        int offset = 4 + 3 + 15;
        int lengthBytes = pkcs8[offset + 1] & 0x7f;
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, offset + 2 + lengthBytes, pkcs8.length);
        return "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs1) + "\n-----END RSA PRIVATE KEY-----\n";
    }
}
