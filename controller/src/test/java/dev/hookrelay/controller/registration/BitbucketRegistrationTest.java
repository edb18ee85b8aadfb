package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.FAST;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Registration;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bitbucket Cloud and Bitbucket Server, through a local server that answers as their REST APIs document. */
@ExtendWith(ControlPlaneExtension.class)
class BitbucketRegistrationTest {
    private static final String TOKEN = "bitbucket-access-token";

    private static String adoptPastPageOne(ControlPlane plane, TestNamespace namespace, BitbucketStandIn bitbucket,
                                           String owner, String name, String type, V1alpha1Registration registration) {
        Cluster cluster = new Cluster(plane, namespace.name());
        cluster.createSecret(name + "-bb", Map.of("token", TOKEN));
        String token = "d".repeat(64);
        cluster.createSecret(name + "-token", Map.of("token", token));
        String url = Registrations.createUnregistered(cluster, name, new V1alpha1ReceiverSpec().type(type)
                .secretRef(new V1alpha1SecretRef().name(name + "-token")));
        for (int i = 0; i < 130; i++) {
            bitbucket.addByHand(owner, "https://ci.example.com/" + i);
        }
        String existing = bitbucket.addByHand(owner, url);
        Registrations.register(cluster, name, registration.credentialsRef(new V1alpha1SecretRef().name(name + "-bb")));

        V1alpha1Receiver registered = awaitRegistered(cluster, name);
        assertEquals(existing, registered.getStatus().getRegistration().getHookID());
        assertEquals(131, bitbucket.collection(owner).size());
        JsonObject hook = bitbucket.collection(owner).get(existing);
        assertTrue(hook.get("active").getAsBoolean());
        assertEquals(token, bitbucket.secretOf(existing));
        Registrations.awaitEvent(cluster, name, "HookAdopted");
        return hook.getAsJsonArray("events").toString();
    }

    @Test
    void cloudFollowsNextLinksAdoptsAndSetsTheSecret(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "cloud-follows-next-l");
        try (BitbucketStandIn bitbucket = new BitbucketStandIn(TOKEN);
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            String events = adoptPastPageOne(plane, namespace, bitbucket, "cloud/acme/podinfo", "cloud", "bitbucket",
                    new V1alpha1Registration().workspace("acme").repository("podinfo").apiURL(bitbucket.cloudApi()));
            assertEquals("[\"repo:push\"]", events);
            JsonObject hook = bitbucket.collection("cloud/acme/podinfo").values().stream()
                    .filter(h -> h.get("secret_set").getAsBoolean()).findFirst().orElseThrow();
            assertEquals(false, hook.get("skip_cert_verification").getAsBoolean());
        }
    }

    @Test
    void serverPagesByStartAdoptsAndSetsTheSecret(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "server-pages-by-star");
        try (BitbucketStandIn bitbucket = new BitbucketStandIn(TOKEN);
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            String events = adoptPastPageOne(plane, namespace, bitbucket, "server/ACME/podinfo", "server",
                    "bitbucket-server",
                    new V1alpha1Registration().project("ACME").repository("podinfo").apiURL(bitbucket.serverApi()));
            assertEquals("[\"repo:refs_changed\"]", events);
            assertTrue(bitbucket.seen().stream().anyMatch(s -> s.method().equals("GET")
                    && s.path().endsWith("/webhooks")), "listed");
        }
    }

    @Test
    void aMissingRepositoryIsNamed(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "a-missing-repository");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (BitbucketStandIn bitbucket = new BitbucketStandIn(TOKEN);
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            cluster.createSecret("bb", Map.of("token", TOKEN));
            cluster.createReceiver("nowhere", new V1alpha1ReceiverSpec().type("bitbucket").events(List.of("repo:push"))
                    .registration(Registrations.at(bitbucket.cloudApi(), "bb").workspace("acme").repository("gone")));
            cluster.markKnativeServiceReady("hookrelay-nowhere");
            String message = Registrations.registered(awaitRegistered(cluster, "nowhere", "False", "NotFound")).getMessage();
            assertTrue(message.contains("repository acme/gone") && message.contains("Repository not found"), message);
        }
    }

    @Test
    void retryAfterIsWaitedOut(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "retry-after");
        Cluster cluster = new Cluster(plane, namespace.name());
        try (BitbucketStandIn bitbucket = new BitbucketStandIn(TOKEN);
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST)) {
            bitbucket.collection("cloud/acme/podinfo");
            cluster.createSecret("bb", Map.of("token", TOKEN));
            bitbucket.failNext(new StandIn.Answer(429, Map.of("Retry-After", "4"), com.google.gson.JsonParser.parseString(
                    "{\"type\":\"error\",\"error\":{\"message\":\"Rate limit for this resource has been exceeded\"}}")));
            cluster.createReceiver("patient", new V1alpha1ReceiverSpec().type("bitbucket")
                    .registration(Registrations.at(bitbucket.cloudApi(), "bb").workspace("acme").repository("podinfo")));
            cluster.markKnativeServiceReady("hookrelay-patient");

            String message = Registrations.registered(awaitRegistered(cluster, "patient", "False", "RateLimited"))
                    .getMessage();
            assertTrue(message.contains("Rate limit for this resource has been exceeded"), message);
            awaitRegistered(cluster, "patient");
            List<StandIn.Seen> seen = bitbucket.seen();
            assertTrue(!seen.get(1).at().isBefore(seen.get(0).at().plusSeconds(4)),
                    "asked again at " + seen.get(1).at() + ", within Retry-After of " + seen.get(0).at());
        }
    }
}
