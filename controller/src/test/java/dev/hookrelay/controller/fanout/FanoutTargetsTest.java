package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.KUSTOMIZATION;
import static dev.hookrelay.controller.fanout.RecordedEvents.EVENT_TIME;
import static dev.hookrelay.controller.fanout.RecordedEvents.awaitCondition;
import static dev.hookrelay.controller.fanout.RecordedEvents.awaitHandled;
import static dev.hookrelay.controller.fanout.RecordedEvents.receiverWith;
import static dev.hookrelay.controller.fanout.RecordedEvents.recordEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.RunningController;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which objects a Receiver's spec.resources pokes, and what the Receiver says when it cannot.
 * Events are written into the status the way receiver-fn writes them.
 */
@ExtendWith(RunningController.class)
class FanoutTargetsTest {
    private static PokeTargets targets;

    @BeforeAll
    static void installThirdPartyKinds() {
        targets = PokeTargets.installedOn(ControlPlane.shared());
    }

    @Test
    void matchLabelsPokesExactlyTheObjectsCarryingEveryLabel(Cluster cluster) {
        String ns = cluster.namespace();
        targets.create(GIT_REPOSITORY, ns, "team-a-app", Map.of("team", "a"));
        targets.create(GIT_REPOSITORY, ns, "team-a-infra", Map.of("team", "a", "tier", "infra"));
        targets.create(GIT_REPOSITORY, ns, "team-b-app", Map.of("team", "b"));
        targets.create(GIT_REPOSITORY, ns, "unlabelled");
        receiverWith(cluster, "team-a", TargetRefs.labelled(GIT_REPOSITORY, Map.of("team", "a")));

        recordEvent(cluster, "team-a", 1);

        awaitHandled(cluster, "team-a", 1);
        assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "team-a-app", FLUX_ANNOTATION));
        assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "team-a-infra", FLUX_ANNOTATION));
        assertNull(targets.annotation(GIT_REPOSITORY, ns, "team-b-app", FLUX_ANNOTATION));
        assertNull(targets.annotation(GIT_REPOSITORY, ns, "unlabelled", FLUX_ANNOTATION));
        assertEquals("Poked the 2 objects spec.resources names for the latest event",
                cluster.condition("team-a", "TargetsPoked").getMessage());
    }

    @Test
    void anyNameWithoutLabelsPokesEveryObjectOfTheKind(Cluster cluster) {
        String ns = cluster.namespace();
        targets.create(KUSTOMIZATION, ns, "apps");
        targets.create(KUSTOMIZATION, ns, "infra", Map.of("tier", "infra"));
        receiverWith(cluster, "all-kustomizations", TargetRefs.of(KUSTOMIZATION, V1alpha1TargetRef.ANY_NAME));

        recordEvent(cluster, "all-kustomizations", 1);

        awaitHandled(cluster, "all-kustomizations", 1);
        assertEquals(EVENT_TIME, targets.annotation(KUSTOMIZATION, ns, "apps", FLUX_ANNOTATION));
        assertEquals(EVENT_TIME, targets.annotation(KUSTOMIZATION, ns, "infra", FLUX_ANNOTATION));
    }

    @Test
    void targetInAnotherNamespaceIsRefusedByDefaultAndTheRestIsPoked(Cluster cluster) {
        String other = TestNamespace.create(ControlPlane.shared(), "elsewhere").name();
        targets.create(GIT_REPOSITORY, other, "foreign");
        targets.create(KUSTOMIZATION, cluster.namespace(), "local");
        receiverWith(cluster, "reaching-out", TargetRefs.inNamespace(GIT_REPOSITORY, other, "foreign"),
                TargetRefs.of(KUSTOMIZATION, "local"));

        recordEvent(cluster, "reaching-out", 1);

        awaitHandled(cluster, "reaching-out", 1);
        V1Condition poked = cluster.condition("reaching-out", "TargetsPoked");
        assertEquals("False", poked.getStatus());
        assertEquals("CrossNamespaceRefused", poked.getReason());
        assertEquals("GitRepository " + other + "/foreign is in another namespace than " + cluster.namespace()
                + "; the controller pokes only its own namespace's objects unless hookrelay.fanout.allow-cross-namespace"
                + " is true", poked.getMessage());
        assertTrue(cluster.eventsAbout("reaching-out").stream().anyMatch(
                e -> "CrossNamespaceRefused".equals(e.getReason()) && "Warning".equals(e.getType())));
        assertNull(targets.annotation(GIT_REPOSITORY, other, "foreign", FLUX_ANNOTATION));
        assertEquals(EVENT_TIME, targets.annotation(KUSTOMIZATION, cluster.namespace(), "local", FLUX_ANNOTATION));
    }

    @Test
    void missingTargetIsRetriedWithBackoffAndTheCountWaitsForIt(Cluster cluster) {
        receiverWith(cluster, "early", TargetRefs.of(GIT_REPOSITORY, "not-yet"));

        recordEvent(cluster, "early", 1);

        V1Condition missing = awaitCondition(cluster, "early", "False", "TargetNotFound");
        assertEquals("GitRepository " + cluster.namespace() + "/not-yet does not exist; create it or fix spec.resources",
                missing.getMessage());
        assertEquals(0, cluster.receiver("early").getStatus().getHandledEventCount());
        assertTrue(cluster.eventsAbout("early").stream().anyMatch(
                e -> "TargetNotFound".equals(e.getReason()) && "Warning".equals(e.getType())));

        targets.create(GIT_REPOSITORY, cluster.namespace(), "not-yet");

        awaitHandled(cluster, "early", 1);
        assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, cluster.namespace(), "not-yet", FLUX_ANNOTATION));
        assertEquals("True", cluster.condition("early", "TargetsPoked").getStatus());
    }

    @Test
    void unknownKindIsReportedAsKindNotFound(Cluster cluster) {
        receiverWith(cluster, "typo", new V1alpha1TargetRef().apiVersion("source.toolkit.fluxcd.io/v1")
                .kind("GitRepo").name("podinfo"));

        recordEvent(cluster, "typo", 1);

        V1Condition condition = awaitCondition(cluster, "typo", "False", "KindNotFound");
        assertEquals("The API server does not know kind GitRepo of source.toolkit.fluxcd.io/v1 (it serves "
                + "source.toolkit.fluxcd.io/v1 but no kind GitRepo in it); install its CRD or fix spec.resources",
                condition.getMessage());
    }

    @Test
    void readyAndTargetsPokedSurviveEachOthersStatusWrites(Cluster cluster) {
        targets.create(GIT_REPOSITORY, cluster.namespace(), "shared-status");
        receiverWith(cluster, "shared", TargetRefs.of(GIT_REPOSITORY, "shared-status"));
        V1Condition notReady = cluster.awaitReady("shared", "False", "ServiceNotReady").getStatus().getConditions().get(0);

        recordEvent(cluster, "shared", 1);
        V1Condition poked = awaitCondition(cluster, "shared", "True", "Succeeded");

        V1Condition readyAfterFanout = cluster.condition("shared", "Ready");
        assertEquals(notReady.getReason(), readyAfterFanout.getReason(), "the fan-out left Ready alone");
        assertEquals(notReady.getLastTransitionTime(), readyAfterFanout.getLastTransitionTime());

        cluster.markKnativeServiceReady("hookrelay-shared");
        cluster.awaitReady("shared", "True", "Succeeded");

        V1Condition pokedAfterProvisioning = cluster.condition("shared", "TargetsPoked");
        assertEquals(poked.getReason(), pokedAfterProvisioning.getReason(), "provisioning left TargetsPoked alone");
        assertEquals(poked.getLastTransitionTime(), pokedAfterProvisioning.getLastTransitionTime());
        assertEquals(1, cluster.receiver("shared").getStatus().getHandledEventCount());
    }
}
