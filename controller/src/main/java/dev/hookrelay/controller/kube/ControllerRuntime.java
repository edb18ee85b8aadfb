package dev.hookrelay.controller.kube;

import io.kubernetes.client.extended.controller.Controller;
import io.kubernetes.client.extended.controller.ControllerManager;
import io.kubernetes.client.extended.controller.LeaderElectingController;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.builder.ControllerManagerBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.kubernetes.client.NamespaceResolver;
import io.micronaut.kubernetes.client.informer.SharedIndexInformerFactory;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place every reconciler is started: each {@link ControllerSpec} becomes a client-java
 * controller (its own rate-limited work queue, hookrelay.controller.workers workers), all of them
 * in one ControllerManager, which runs under a LeaderElectingController on the Lease holder only
 * (or at once, with leader election off). The informers run on every replica from start-up, so
 * a standby's caches and queues are warm when it takes over.
 */
@Singleton
public class ControllerRuntime implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);
    /** A controller that is not ready by then would never run (client-java gives up): wait as long as it takes. */
    private static final Duration CACHES_SYNC_TIMEOUT = Duration.ofDays(1);

    private final List<ControllerSpec> specs;
    private final SharedInformerFactory informers;
    private final ControllerSettings settings;
    private final LeaderElectionSettings election;
    private final ApiClient client;
    private final String leaseNamespace;
    private final String identity;
    private final ProcessExit processExit;
    private Controller running;
    private LeaderElector elector;
    private volatile boolean stopping;
    private volatile boolean reconciling;

    ControllerRuntime(List<ControllerSpec> specs, SharedIndexInformerFactory informers, ControllerSettings settings,
                      LeaderElectionSettings election, ApiClient client, NamespaceResolver namespaces,
                      ReplicaIdentity identity, ProcessExit processExit) {
        this.specs = specs;
        this.informers = (SharedInformerFactory) informers;
        this.settings = settings;
        this.election = election;
        this.client = client;
        this.leaseNamespace = election.getLeaseNamespace() != null ? election.getLeaseNamespace()
                : namespaces.resolveNamespace();
        this.identity = identity.name();
        this.processExit = processExit;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        ControllerManagerBuilder manager = ControllerBuilder.controllerManagerBuilder(informers);
        specs.forEach(spec -> manager.addController(controller(spec)));
        ControllerManager controllers = manager.build();
        if (election.isEnabled()) {
            elector = new LeaderElector(new LeaderElectionConfig(
                    new LeaseLock(leaseNamespace, election.getLeaseName(), identity, client),
                    election.getLeaseDuration(), election.getRenewDeadline(), election.getRetryPeriod()));
            running = new LeaderElectingController(elector, new ExitWhenLeadershipLost(controllers));
            LOG.info("{} joins the election for Lease {}/{}", identity, leaseNamespace, election.getLeaseName());
        } else {
            running = controllers;
        }
        Thread thread = new Thread(running, "controller-manager");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether this replica reconciles now: it holds the Lease, or leader election is off. */
    public boolean isReconciling() {
        return reconciling || !election.isEnabled();
    }

    private Controller controller(ControllerSpec spec) {
        RateLimitingQueue<Request> queue = new DefaultRateLimitingQueue<>(
                Executors.newSingleThreadExecutor(Threads.named(spec.name() + "-queue-delays", true)),
                new ItemExponentialFailureRateLimiter<>(settings.getRetryBaseDelay(), settings.getRetryMaxDelay()));
        spec.watches().accept(queue);
        return ControllerBuilder.defaultBuilder(informers)
                .withName(spec.name())
                .withWorkQueue(queue)
                .withReadyFunc(cachesIn(spec))
                .withReadyTimeout(CACHES_SYNC_TIMEOUT)
                .withWorkerCount(settings.getWorkers())
                .withReconciler(request -> reconcile(spec, queue, request))
                .build();
    }

    /** The controller's readiness check, which also says once when its caches are in (client-java logs nothing then). */
    private static Supplier<Boolean> cachesIn(ControllerSpec spec) {
        long start = System.nanoTime();
        AtomicBoolean said = new AtomicBoolean();
        return () -> {
            boolean synced = spec.cachesSynced().getAsBoolean();
            if (synced && said.compareAndSet(false, true)) {
                LOG.info("{}: caches in after {} ms", spec.name(), (System.nanoTime() - start) / 1_000_000);
            }
            return synced;
        };
    }

    /**
     * What client-java's DefaultController does differently from what Hookrelay's reconcilers
     * expect: a chosen delay is no failure, so the next failure backs off from the start again;
     * a reconciler that throws is retried with backoff, logged in one line rather than a stack trace.
     */
    private static Result reconcile(ControllerSpec spec, RateLimitingQueue<Request> queue, Request request) {
        try {
            Result result = spec.reconciler().reconcile(request);
            if (result.isRequeue() && result.getRequeueAfter() != null) {
                queue.forget(request);
            }
            return result;
        } catch (RuntimeException e) {
            LOG.warn("{}: reconciling {}/{} failed, retrying with backoff: {}",
                    spec.name(), request.getNamespace(), request.getName(), e.toString());
            return new Result(true);
        }
    }

    /**
     * Stops reconciling; a leader hands the Lease back (the elector does on close), so that a
     * standby takes over at its next retry rather than after the lease duration.
     */
    @PreDestroy
    public synchronized void stop() {
        if (running == null || stopping) {
            return;
        }
        stopping = true;
        running.shutdown();
        if (elector != null) {
            elector.close();
        }
    }

    /**
     * client-java's LeaderElectingController only shuts its controllers down when the Lease is
     * lost, and a manager once shut down cannot start again: the replica exits instead, because
     * another may already be reconciling and a restart is the simplest way back to a clean standby.
     */
    private final class ExitWhenLeadershipLost implements Controller {
        private final Controller controllers;

        ExitWhenLeadershipLost(Controller controllers) {
            this.controllers = controllers;
        }

        @Override
        public void run() {
            LOG.info("{} holds Lease {}/{} and starts reconciling", identity, leaseNamespace, election.getLeaseName());
            reconciling = true;
            controllers.run();
        }

        @Override
        public void shutdown() {
            reconciling = false;
            controllers.shutdown();
            if (!stopping) {
                LOG.error("{} lost Lease {}/{}; exiting so that another replica reconciles alone",
                        identity, leaseNamespace, election.getLeaseName());
                processExit.exit(1);
            }
        }
    }
}
