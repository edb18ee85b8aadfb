package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.ReconcileLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Receiver reconciler: on the replica that wins the Lease (or on this one, when
 * leader election is off), once the caches are in, over every Receiver and then every change.
 */
@Singleton
public class ReceiverController implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverController.class);
    private static final Duration CACHE_POLL = Duration.ofMillis(100);

    private final ReceiverCaches caches;
    private final ReceiverQueue queue;
    private final LeaderElection leaderElection;
    private final boolean electLeader;
    private final ReconcileLoop loop;

    ReceiverController(ReceiverCaches caches, ReceiverQueue queue, ReceiverReconciler reconciler,
                       ControllerSettings settings, LeaderElection leaderElection, LeaderElectionSettings election) {
        this.caches = caches;
        this.queue = queue;
        this.leaderElection = leaderElection;
        this.electLeader = election.isEnabled();
        this.loop = new ReconcileLoop("receiver", queue.queue(), reconciler, settings.getWorkers());
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (electLeader) {
            leaderElection.start(this::reconcileAll);
        } else {
            reconcileAll();
        }
    }

    /** Reconciles finished by this replica, for tests and benchmarks. */
    public long reconciled() {
        return loop.reconciled();
    }

    private void reconcileAll() {
        try {
            while (!caches.hasSynced()) {
                Thread.sleep(CACHE_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (V1alpha1Receiver receiver : caches.receivers().list()) {
            queue.add(receiver.getMetadata().getNamespace(), receiver.getMetadata().getName());
        }
        LOG.info("Caches in, {} Receivers to reconcile", caches.receivers().list().size());
        loop.start();
    }

    @PreDestroy
    void stop() {
        leaderElection.stop();
        loop.close();
    }
}
