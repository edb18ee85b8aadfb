package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.fanout.RecordedEvents.awaitHandled;
import static dev.hookrelay.controller.fanout.RecordedEvents.receiverWith;
import static dev.hookrelay.controller.fanout.RecordedEvents.recordEvent;
import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.KUSTOMIZATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the fan-out has acted on is in the status, so a controller that starts over pokes nothing again. */
@ExtendWith(ControlPlaneExtension.class)
class FanoutRestartTest {

    @Test
    void restartedControllerDoesNotPokeAgainForHandledEvents(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(APP_REPOSITORY, ns, "charts");
        targets.create(GIT_REPOSITORY, ns, "podinfo");
        targets.create(KUSTOMIZATION, ns, "after-restart");
        receiverWith(cluster, "handled", TargetRefs.of(APP_REPOSITORY, "charts"), TargetRefs.of(GIT_REPOSITORY, "podinfo"));
        receiverWith(cluster, "later", TargetRefs.of(KUSTOMIZATION, "after-restart"));
        try (ControllerInstance first = ControllerInstance.start(plane, ns)) {
            recordEvent(cluster, "handled", 1);
            awaitHandled(cluster, "handled", 1);
        }
        String chartsVersion = targets.resourceVersion(APP_REPOSITORY, ns, "charts");
        String podinfoVersion = targets.resourceVersion(GIT_REPOSITORY, ns, "podinfo");

        try (ControllerInstance restarted = ControllerInstance.start(plane, ns)) {
            recordEvent(cluster, "later", 1);
            awaitHandled(cluster, "later", 1);

            assertEquals(1, targets.resyncRequests(ns, "charts"), "one resync request, from before the restart");
            assertEquals(chartsVersion, targets.resourceVersion(APP_REPOSITORY, ns, "charts"));
            assertEquals(podinfoVersion, targets.resourceVersion(GIT_REPOSITORY, ns, "podinfo"));
            assertTrue(restarted.writes().stream().noneMatch(w -> w.contains("/apprepositories/")
                    || w.contains("/gitrepositories/")), restarted.writes().toString());
        }
    }
}
