package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.fanout.RecordedEvents.EVENT_TIME;
import static dev.hookrelay.controller.fanout.RecordedEvents.awaitHandled;
import static dev.hookrelay.controller.fanout.RecordedEvents.receiverWith;
import static dev.hookrelay.controller.fanout.RecordedEvents.recordEvent;
import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1PendingTarget;
import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * When one of several targets fails, the retries poke that one alone: an AppRepository that was
 * resynced is not resynced again for the same events, by the same controller or by the next.
 */
@ExtendWith(ControlPlaneExtension.class)
class RetryOnlyFailedTest {

    @Test
    void failedTargetIsRetriedAloneAndTheAppRepositoryIsResyncedOnce(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(APP_REPOSITORY, ns, "charts");
        try (ControllerInstance controller = ControllerInstance.start(plane, ns)) {
            receiverWith(cluster, "mixed", TargetRefs.of(APP_REPOSITORY, "charts"), TargetRefs.of(GIT_REPOSITORY, "late"));

            recordEvent(cluster, "mixed", 1);

            Eventually.await("a retry of the missing GitRepository", Cluster.TIMEOUT, () -> controller.writes()
                    .stream().filter(w -> w.endsWith("/gitrepositories/late")).count() >= 2);
            assertEquals(1, targets.resyncRequests(ns, "charts"), "the AppRepository was resynced once, not at each retry");
            V1alpha1PendingTargets left = cluster.receiver("mixed").getStatus().getPendingTargets();
            assertEquals(1, left.getEventCount());
            assertEquals(List.of(gitRepository(ns, "late")), left.getTargets());
            assertEquals(0, cluster.receiver("mixed").getStatus().getHandledEventCount());

            targets.create(GIT_REPOSITORY, ns, "late");

            awaitHandled(cluster, "mixed", 1);
            assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "late", FLUX_ANNOTATION));
            assertEquals(1, targets.resyncRequests(ns, "charts"));
            assertNull(cluster.receiver("mixed").getStatus().getPendingTargets());
            assertEquals("Poked the 1 objects left from the previous attempt for the latest event; the others were poked"
                    + " then", cluster.condition("mixed", "TargetsPoked").getMessage());
        }
    }

    @Test
    void restartedControllerRetriesOnlyWhatTheStatusSaysIsLeft(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(APP_REPOSITORY, ns, "restart-charts");
        receiverWith(cluster, "restarted", TargetRefs.of(APP_REPOSITORY, "restart-charts"), TargetRefs.of(GIT_REPOSITORY, "restart-late"));
        try (ControllerInstance first = ControllerInstance.start(plane, ns)) {
            recordEvent(cluster, "restarted", 1);
            Eventually.await("the missing GitRepository left in the status", Cluster.TIMEOUT,
                    () -> cluster.receiver("restarted").getStatus().getPendingTargets() != null);
        }
        assertEquals(1, targets.resyncRequests(ns, "restart-charts"));
        targets.create(GIT_REPOSITORY, ns, "restart-late");

        try (ControllerInstance second = ControllerInstance.start(plane, ns)) {
            awaitHandled(cluster, "restarted", 1);

            assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "restart-late", FLUX_ANNOTATION));
            assertEquals(1, targets.resyncRequests(ns, "restart-charts"), "not resynced again after the restart");
            assertTrue(second.writes().stream().noneMatch(w -> w.contains("/apprepositories/")), second.writes().toString());
        }
    }

    private static V1alpha1PendingTarget gitRepository(String namespace, String name) {
        return new V1alpha1PendingTarget().apiVersion(GIT_REPOSITORY.apiVersion()).kind(GIT_REPOSITORY.kind())
                .namespace(namespace).name(name);
    }
}
