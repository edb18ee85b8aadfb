package dev.hookrelay.controller.kube;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.kubernetes.client.NamespaceResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one replica through a Lease. The winner runs the given work until the process ends;
 * a leader that cannot renew the Lease exits, because another replica may already be
 * reconciling and a restart is the simplest way back to a clean standby. A leader that stops
 * on purpose hands the Lease back (client-java's elector does on close), so that a standby
 * takes over at its next retry rather than after the lease duration.
 */
@Singleton
public class LeaderElection {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final LeaderElectionSettings settings;
    private final ApiClient client;
    private final String namespace;
    private final String identity;
    private final ProcessExit processExit;
    private final List<Runnable> work = new ArrayList<>();
    private LeaderElector elector;
    private Thread thread;
    private volatile boolean leading;
    private volatile boolean stopping;

    public LeaderElection(LeaderElectionSettings settings, ApiClient client, NamespaceResolver namespaces,
                          ReplicaIdentity identity, ProcessExit processExit) {
        this.settings = settings;
        this.client = client;
        this.namespace = settings.getLeaseNamespace() != null ? settings.getLeaseNamespace() : namespaces.resolveNamespace();
        this.identity = identity.name();
        this.processExit = processExit;
    }

    /**
     * Runs the work once this replica leads. The first call joins the election; each
     * controller adds its own work, which runs at once if this replica already leads.
     */
    public void start(Runnable whileLeading) {
        synchronized (this) {
            work.add(whileLeading);
            if (!leading) {
                if (elector == null) {
                    join();
                }
                return;
            }
        }
        whileLeading.run();
    }

    private void join() {
        LeaseLock lock = new LeaseLock(namespace, settings.getLeaseName(), identity, client);
        elector = new LeaderElector(new LeaderElectionConfig(lock, settings.getLeaseDuration(),
                settings.getRenewDeadline(), settings.getRetryPeriod()));
        thread = new Thread(() -> elector.run(this::lead, this::stoppedLeading), "leader-election");
        thread.start();
        LOG.info("{} joined the election for Lease {}/{}", identity, namespace, settings.getLeaseName());
    }

    public boolean isLeading() {
        return leading;
    }

    private void lead() {
        List<Runnable> toRun;
        synchronized (this) {
            leading = true;
            toRun = List.copyOf(work);
        }
        LOG.info("{} holds Lease {}/{} and starts reconciling", identity, namespace, settings.getLeaseName());
        toRun.forEach(Runnable::run);
    }

    private void stoppedLeading() {
        boolean wasLeading = leading;
        leading = false;
        if (stopping || !wasLeading) {
            return;
        }
        LOG.error("{} lost Lease {}/{}; exiting so that another replica reconciles alone",
                identity, namespace, settings.getLeaseName());
        processExit.exit(1);
    }

    @PreDestroy
    public synchronized void stop() {
        if (elector == null || stopping) {
            return;
        }
        stopping = true;
        elector.close();
        thread.interrupt();
    }
}
