package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.FAST;
import static dev.hookrelay.controller.registration.Registrations.awaitEvent;
import static dev.hookrelay.controller.registration.Registrations.awaitGone;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitLab, through a local server that answers as GitLab's REST API (v4) documents it. */
@ExtendWith(ControlPlaneExtension.class)
class GitLabRegistrationTest {
    private static final String TOKEN = "glpat-" + "b".repeat(20);
    private static final String PROJECT = "projects/acme/platform/podinfo";

    @Test
    void aProjectHookIsAdoptedPastPageOneWithExactlyTheEventFlagsAndTheToken(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "a-project-hook-is-ad");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitLabStandIn gitlab = new GitLabStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            gitlab.token(TOKEN);
            cluster.createSecret("gl", Map.of("token", TOKEN));
            String token = "c".repeat(64);
            cluster.createSecret("podinfo-token", Map.of("token", token));
            V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec().type("gitlab")
                    .events(List.of("Push Hook", "Tag Push Hook")).secretRef(new V1alpha1SecretRef().name("podinfo-token"))
                    .registration(Registrations.at(gitlab.apiUrl(), "gl").project("acme/platform/podinfo"));
            String url = Registrations.createUnregistered(cluster, "podinfo", spec);
            for (int i = 0; i < 120; i++) {
                gitlab.addByHand(PROJECT, "https://ci.example.com/" + i);
            }
            String existing = gitlab.addByHand(PROJECT, url);
            Registrations.register(cluster, "podinfo", spec.getRegistration());

            V1alpha1Receiver registered = awaitRegistered(cluster, "podinfo");
            assertEquals(existing, registered.getStatus().getRegistration().getHookID());
            assertEquals(121, gitlab.collection(PROJECT).size());
            JsonObject hook = gitlab.hook(PROJECT, existing);
            assertTrue(hook.get("push_events").getAsBoolean());
            assertTrue(hook.get("tag_push_events").getAsBoolean());
            assertFalse(hook.get("merge_requests_events").getAsBoolean());
            assertTrue(hook.get("enable_ssl_verification").getAsBoolean());
            assertEquals(token, gitlab.secretOf(existing));
            assertEquals(List.of("push_events", "tag_push_events"), registered.getStatus().getRegistration().getEvents());
            assertTrue(gitlab.seen().stream().anyMatch(s -> s.path().equals("/api/v4/projects/acme%2Fplatform%2Fpodinfo/hooks")
                    || s.path().equals("/api/v4/projects/acme/platform/podinfo/hooks")), "the project path, URL-encoded");
            awaitEvent(cluster, "podinfo", "HookAdopted");
        }
    }

    @Test
    void aGroupHookWaitsOutRateLimitResetAndGoesWithTheReceiver(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "a-group-hook-waits-o");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitLabStandIn gitlab = new GitLabStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            gitlab.token(TOKEN);
            gitlab.collection("groups/acme");
            cluster.createSecret("gl", Map.of("token", TOKEN));
            long reset = Instant.now().getEpochSecond() + 4;
            gitlab.failNext(new StandIn.Answer(429, Map.of("RateLimit-Limit", "600", "RateLimit-Remaining", "0",
                    "RateLimit-Reset", Long.toString(reset)), JsonParser.parseString("{\"message\":\"Retry later\"}")));
            cluster.createReceiver("group", new V1alpha1ReceiverSpec().type("gitlab")
                    .registration(Registrations.at(gitlab.apiUrl(), "gl").group("acme")));
            cluster.markKnativeServiceReady("hookrelay-group");

            awaitRegistered(cluster, "group", "False", "RateLimited");
            V1alpha1Receiver registered = awaitRegistered(cluster, "group");
            assertFalse(gitlab.seen().get(1).at().isBefore(Instant.ofEpochSecond(reset)), "asked again before RateLimit-Reset");
            JsonObject hook = gitlab.hook("groups/acme", registered.getStatus().getRegistration().getHookID());
            assertTrue(hook.get("push_events").getAsBoolean(), "no spec.events: push");

            cluster.deleteReceiver("group");
            awaitGone(cluster, "group");
            assertEquals(0, gitlab.collection("groups/acme").size());
        }
    }

    @Test
    void anEventGitLabCannotSubscribeToIsNamed(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "an-event-git-lab-can");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (GitLabStandIn gitlab = new GitLabStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            gitlab.token(TOKEN);
            gitlab.collection(PROJECT);
            cluster.createSecret("gl", Map.of("token", TOKEN));
            cluster.createReceiver("typo", new V1alpha1ReceiverSpec().type("gitlab").events(List.of("push"))
                    .registration(Registrations.at(gitlab.apiUrl(), "gl").project("acme/platform/podinfo")));
            cluster.markKnativeServiceReady("hookrelay-typo");

            String message = Registrations.registered(awaitRegistered(cluster, "typo", "False", "UnknownEvent")).getMessage();
            assertTrue(message.contains("Push Hook"), message);
            assertEquals(0, gitlab.collection(PROJECT).size());
        }
    }
}
