package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * spec.resources[].filter at fan-out: a target is poked when at least one new event matches;
 * one whose filter fails is not poked and a Warning says why; one whose filter does not compile
 * is refused in TargetsPoked with the compiler's message.
 */
@ExtendWith(ControlPlaneExtension.class)
class TargetFilterTest {

    @Test
    void onlyTargetsThatANewEventMatchesArePoked(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(GIT_REPOSITORY, ns, "podinfo");
        targets.create(GIT_REPOSITORY, ns, "flagger");
        targets.create(GIT_REPOSITORY, ns, "infra", Map.of("team", "platform"));
        targets.create(GIT_REPOSITORY, ns, "broken");
        V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec().type("github").resources(List.of(
                TargetRefs.of(GIT_REPOSITORY, V1alpha1TargetRef.ANY_NAME)
                        .filter("target.metadata.name in ['podinfo', 'flagger'] && event.repository == 'acme/' + target.metadata.name"),
                TargetRefs.of(GIT_REPOSITORY, "infra")
                        .filter("target.metadata.labels['team'] == 'platform' && event.ref == 'refs/heads/main'"),
                TargetRefs.of(GIT_REPOSITORY, "broken").filter("event.no_such_field == 'x'")));

        try (RunningFunction function = RunningFunction.startProcess(plane, ns, "org-hook", spec);
             ControllerInstance controller = ControllerInstance.start(plane, ns)) {
            byte[] first = GitHubDeliveries.push("acme/other", "1111111");
            byte[] second = GitHubDeliveries.push("acme/podinfo", "2222222");
            assertEquals(200, function.post(GitHubDeliveries.headers("push", "org-1", first, function.token), first).statusCode());
            assertEquals(200, function.post(GitHubDeliveries.headers("push", "org-2", second, function.token), second).statusCode());

            Eventually.await("handledEventCount 2", Cluster.TIMEOUT,
                    () -> cluster.receiver("org-hook").getStatus().getHandledEventCount() == 2 ? true : null);
            assertNotNull(targets.annotation(GIT_REPOSITORY, ns, "podinfo", PokeTargets.FLUX_ANNOTATION));
            assertNull(targets.annotation(GIT_REPOSITORY, ns, "flagger", PokeTargets.FLUX_ANNOTATION));
            assertNotNull(targets.annotation(GIT_REPOSITORY, ns, "infra", PokeTargets.FLUX_ANNOTATION));
            assertNull(targets.annotation(GIT_REPOSITORY, ns, "broken", PokeTargets.FLUX_ANNOTATION));
            assertEquals("True", cluster.condition("org-hook", "TargetsPoked").getStatus());
            assertTrue(cluster.eventsAbout("org-hook").stream().anyMatch(e -> "FilterFailed".equals(e.getReason())
                    && "Warning".equals(e.getType()) && e.getMessage().contains("GitRepository " + ns + "/broken")
                    && e.getMessage().contains("counted as no match")));
        }
    }

    @Test
    void targetFilterThatDoesNotCompileIsRefusedWithTheCompilersMessage(ControlPlane plane, TestNamespace namespace) {
        PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        cluster.createReceiver("bad-target-filter", new V1alpha1ReceiverSpec().type("github").resources(List.of(
                TargetRefs.of(GIT_REPOSITORY, "podinfo").filter("target.metadata.name =="))));

        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name())) {
            cluster.patchReceiverStatus("bad-target-filter", """
                    {"status": {"eventCount": 1}}""");

            V1Condition poked = Eventually.await("TargetsPoked FilterInvalid", Cluster.TIMEOUT, () -> {
                V1Condition condition = cluster.condition("bad-target-filter", "TargetsPoked");
                return condition != null && "FilterInvalid".equals(condition.getReason()) ? condition : null;
            });
            assertEquals("False", poked.getStatus());
            assertTrue(poked.getMessage().contains("does not compile: ERROR: <input>:1:"), poked.getMessage());
        }
    }
}
