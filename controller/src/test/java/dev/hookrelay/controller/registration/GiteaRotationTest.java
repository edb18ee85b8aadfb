package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.TIMEOUT;
import static dev.hookrelay.controller.registration.Registrations.awaitEvent;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Rotation;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.FunctionRevision;
import dev.hookrelay.controller.testing.KnativeRoute;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.Gitea;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.CoreV1Event;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rotation with a real Gitea keeping the webhook: once the function serves the new token, the
 * controller sets it as the webhook's secret at Gitea, drops the previous token as soon as Gitea
 * confirmed that and deliveries sent before have drained (long before the grace period ends),
 * and the next real `git push` is signed by Gitea with the new token: a revision that knows only
 * the new token records it.
 */
@ExtendWith(ControlPlaneExtension.class)
class GiteaRotationTest {

    @Test
    void gitPushAfterARotationIsSignedWithTheNewToken(ControlPlane plane, TestNamespace namespace) {
        Gitea gitea = Gitea.shared();
        Cluster cluster = new Cluster(plane, namespace.name());
        String name = "rotating";
        // an organization's webhook, so that each push goes to a fresh repository of it
        String organization = namespace.name();
        gitea.createOrganization(organization);
        gitea.createRepository(organization, "before");
        gitea.createRepository(organization, "after");
        cluster.createSecret(name + "-gitea", Map.of("token", gitea.createToken(namespace.name() + "-" + name,
                "write:repository", "write:organization")));
        cluster.createSecret(name + "-token", Map.of("token", "e4".repeat(32)));
        cluster.createReceiver(name, new V1alpha1ReceiverSpec().type("gitea").events(List.of("push"))
                .secretRef(new V1alpha1SecretRef().name(name + "-token"))
                .registration(Registrations.at(gitea.apiUrl(), name + "-gitea").organization(organization))
                .rotation(new V1alpha1Rotation().gracePeriod("1h")));
        Map<String, Object> settings = new HashMap<>(Registrations.FAST);
        settings.put("hookrelay.controller.rotation-drain", "2s");
        String service = "hookrelay-" + name;
        FunctionRevision second = null;
        FunctionRevision third = null;
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), settings);
             KnativeRoute route = KnativeRoute.start();
             FunctionRevision first = FunctionRevision.start(plane, cluster, name)) {
            route.to(first);
            cluster.markKnativeServiceReady(service, route.url());
            String url = awaitRegistered(cluster, name).getStatus().getUrl();
            pushAndAwaitRecorded(gitea, cluster, organization + "/before", name, "before.txt");

            cluster.replaceSecretData(name + "-token", Map.of("token", "f5".repeat(32)));
            second = nextRevision(plane, cluster, route, name, first, true);

            CoreV1Event restored = Eventually.await("the webhook's secret set at Gitea", TIMEOUT, () -> Registrations
                    .events(cluster, name).stream().filter(e -> "HookRestored".equals(e.getReason())
                            && e.getMessage().contains("secret set to the Receiver's token")).findFirst().orElse(null));
            CoreV1Event dropped = awaitEvent(cluster, name, "PreviousTokenDropped");
            assertTrue(dropped.getMessage().startsWith("The previous token no longer verifies: the provider confirmed the new"
                    + " secret at "), dropped.getMessage());
            V1alpha1Receiver receiver = cluster.receiver(name);
            assertTrue(receiver.getStatus().getRegistration().getSecretSetAt().isAfter(receiver.getStatus().getTokenRotatedAt()));
            assertTrue(restored.getMessage().contains("webhook " + receiver.getStatus().getRegistration().getHookID()));

            third = nextRevision(plane, cluster, route, name, second, false);
            assertFalse(third.env().containsKey(FunctionContract.ENV_PREVIOUS_TOKEN_FILE), "only the new token");
            pushAndAwaitRecorded(gitea, cluster, organization + "/after", name, "after.txt");
            assertEquals(0.0, third.previousTokenDeliveries());
            assertEquals(url, awaitRegistered(cluster, name).getStatus().getUrl(), "the URL stays");
            assertEquals(1, gitea.api("GET", "/orgs/" + organization + "/hooks", null).getAsJsonArray().size());
        } finally {
            if (second != null) {
                second.close();
            }
            if (third != null) {
                third.close();
            }
        }
    }

    /** Waits for the template with (or without) the previous token, runs it and routes to it. */
    private static FunctionRevision nextRevision(ControlPlane plane, Cluster cluster, KnativeRoute route, String name,
                                                 FunctionRevision before, boolean withPrevious) {
        String service = "hookrelay-" + name;
        Eventually.await("the template of " + service + (withPrevious ? " with" : " without") + " the previous token",
                TIMEOUT, () -> {
                    var template = cluster.knativeService(service);
                    return template.getMetadata().getGeneration() > before.generation()
                            && withPrevious == template.getRaw().toString().contains(FunctionContract.ENV_PREVIOUS_TOKEN_FILE);
                });
        FunctionRevision revision = FunctionRevision.start(plane, cluster, name);
        route.to(revision);
        cluster.markKnativeServiceReady(service, route.url());
        return revision;
    }

    private static void pushAndAwaitRecorded(Gitea gitea, Cluster cluster, String repository, String name, String file) {
        long before = eventCount(cluster.receiver(name));
        String commit = gitea.push(repository, file, "content of " + file);
        V1alpha1Receiver recorded = Eventually.await("Gitea's push of " + commit + " recorded", TIMEOUT, () -> {
            V1alpha1Receiver receiver = cluster.receiver(name);
            return eventCount(receiver) > before ? receiver : null;
        });
        assertEquals(commit, recorded.getStatus().getLastEvent().getRevision());
    }

    private static long eventCount(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? 0 : receiver.getStatus().getEventCount();
    }
}
