package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reconcile loop that runs on the replica holding the Lease (or on this one, when leader
 * election is off): once its cache is in, over every cached object that needs work, then
 * over whatever is added to its queue.
 */
public final class LeaderOnlyLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderOnlyLoop.class);
    private static final Duration CACHE_POLL = Duration.ofMillis(100);

    private final String name;
    private final ReconcileQueue queue;
    private final ReconcileLoop loop;
    private final LeaderElection leaderElection;
    private final boolean electLeader;

    public LeaderOnlyLoop(String name, ReconcileQueue queue, Reconciler reconciler, ControllerSettings settings,
                          LeaderElection leaderElection, LeaderElectionSettings election) {
        this.name = name;
        this.queue = queue;
        this.loop = new ReconcileLoop(name, queue.queue(), reconciler, settings.getWorkers());
        this.leaderElection = leaderElection;
        this.electLeader = election.isEnabled();
    }

    public <T extends KubernetesObject> void start(KubeCache<T> cache, Predicate<T> needsWork) {
        start(cache::hasSynced, cache, needsWork);
    }

    /** Starts once every cache the reconciler reads has synced, with what {@code cache} holds. */
    public <T extends KubernetesObject> void start(BooleanSupplier cachesSynced, KubeCache<T> cache, Predicate<T> needsWork) {
        Runnable run = () -> reconcileAll(cachesSynced, cache, needsWork);
        if (electLeader) {
            leaderElection.start(run);
        } else {
            run.run();
        }
    }

    /** Reconciles finished by this replica, for tests and benchmarks. */
    public long reconciled() {
        return loop.reconciled();
    }

    private <T extends KubernetesObject> void reconcileAll(BooleanSupplier cachesSynced, KubeCache<T> cache,
                                                           Predicate<T> needsWork) {
        try {
            while (!cachesSynced.getAsBoolean()) {
                Thread.sleep(CACHE_POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        int queued = 0;
        for (T object : cache.list()) {
            if (needsWork.test(object)) {
                queue.add(object);
                queued++;
            }
        }
        LOG.info("{}: caches in, {} objects to reconcile", name, queued);
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
        queue.close();
    }
}
