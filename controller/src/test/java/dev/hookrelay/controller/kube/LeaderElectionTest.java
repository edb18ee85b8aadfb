package dev.hookrelay.controller.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two replicas on one API server: one reconciles, the other waits, and takes over when the first stops. */
@ExtendWith(ControlPlaneExtension.class)
class LeaderElectionTest {
    private static final Duration LEASE_DURATION = Duration.ofSeconds(3);
    private static final Duration RETRY_PERIOD = Duration.ofMillis(500);

    @Test
    void exactlyOneReplicaReconcilesAndTheOtherTakesOverWithinTheLeaseDuration(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        ControllerInstance first = replica(plane, namespace, "takeover", "replica-a");
        Eventually.await("replica-a leads", Cluster.TIMEOUT, () -> "replica-a".equals(cluster.leaseHolder("takeover")));
        try (ControllerInstance second = replica(plane, namespace, "takeover", "replica-b")) {
            cluster.createReceiver("before-stop");
            cluster.awaitReady("before-stop", "False", "ServiceNotReady");

            assertTrue(first.writes().stream().anyMatch(w -> w.endsWith("/receivers/before-stop/status")),
                    "the leader reconciles: " + first.writes());
            assertEquals(List.of(), second.writes(), "the standby writes nothing");

            first.close();

            Eventually.await("replica-b leads", LEASE_DURATION, () -> "replica-b".equals(cluster.leaseHolder("takeover")));
            cluster.createReceiver("after-stop");
            cluster.awaitReady("after-stop", "False", "ServiceNotReady");
            assertTrue(second.writes().stream().anyMatch(w -> w.endsWith("/receivers/after-stop/status")),
                    "the new leader reconciles: " + second.writes());
        } finally {
            first.close();
        }
    }

    @Test
    void leaderThatDiedWithoutHandingBackTheLeaseIsReplacedOnceItExpires(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        cluster.createLease("crashed", "replica-that-died", LEASE_DURATION);

        try (ControllerInstance survivor = replica(plane, namespace, "crashed", "replica-d")) {
            long started = System.nanoTime();
            Eventually.await("replica-d leads", LEASE_DURATION.plus(RETRY_PERIOD.multipliedBy(3)),
                    () -> "replica-d".equals(cluster.leaseHolder("crashed")));

            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(LEASE_DURATION) >= 0,
                    "not before the dead leader's lease ran out");
        }
    }

    @Test
    void leaderThatLosesItsLeaseExits(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        try (ControllerInstance leader = replica(plane, namespace, "stolen", "replica-c")) {
            Eventually.await("replica-c leads", Cluster.TIMEOUT, () -> "replica-c".equals(cluster.leaseHolder("stolen")));

            cluster.stealLease("stolen", "someone-else");

            Eventually.await("replica-c exits", LEASE_DURATION, () -> leader.exitStatus() == 1);
        }
    }

    private static ControllerInstance replica(ControlPlane plane, TestNamespace namespace, String lease, String identity) {
        return ControllerInstance.start(plane, namespace.name(), Map.of(
                "hookrelay.controller.leader-election.enabled", true,
                "hookrelay.controller.leader-election.lease-name", lease,
                "hookrelay.controller.leader-election.identity", identity,
                "hookrelay.controller.leader-election.lease-duration", LEASE_DURATION.toMillis() + "ms",
                "hookrelay.controller.leader-election.renew-deadline", "2s",
                "hookrelay.controller.leader-election.retry-period", RETRY_PERIOD.toMillis() + "ms"));
    }
}
