package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.LeaderOnlyLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Runs the Receiver reconciler: on the replica that wins the Lease (or on this one, when
 * leader election is off), once the caches are in, over every Receiver and then every change.
 */
@Singleton
public class ReceiverController implements ApplicationEventListener<StartupEvent> {
    private final ReceiverCaches caches;
    private final LeaderElection leaderElection;
    private final LeaderOnlyLoop loop;

    ReceiverController(ReceiverCaches caches, ReceiverQueue queue, ReceiverReconciler reconciler,
                       ControllerSettings settings, LeaderElection leaderElection, LeaderElectionSettings election) {
        this.caches = caches;
        this.leaderElection = leaderElection;
        this.loop = new LeaderOnlyLoop("receiver", queue, reconciler, settings, leaderElection, election);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start(caches::hasSynced, caches.receivers(), receiver -> true);
    }

    /** Reconciles finished by this replica, for tests and benchmarks. */
    public long reconciled() {
        return loop.reconciled();
    }

    @PreDestroy
    void stop() {
        leaderElection.stop();
        loop.close();
    }
}
