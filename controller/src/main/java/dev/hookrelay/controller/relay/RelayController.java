package dev.hookrelay.controller.relay;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.LeaderOnlyLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Runs the Relay reconciler, and with it the hub watches, on the leading replica only. */
@Singleton
public class RelayController implements ApplicationEventListener<StartupEvent> {
    private final RelayCache relays;
    private final HubWatches hubs;
    private final LeaderOnlyLoop loop;

    RelayController(RelayCache relays, RelayQueue queue, RelayReconciler reconciler, HubWatches hubs,
                    ControllerSettings settings, LeaderElection leaderElection, LeaderElectionSettings election) {
        this.relays = relays;
        this.hubs = hubs;
        this.loop = new LeaderOnlyLoop("relay", queue, reconciler, settings, leaderElection, election);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start(relays.cache(), relay -> true);
    }

    /** Reconciles finished by this replica, for tests and benchmarks. */
    public long reconciled() {
        return loop.reconciled();
    }

    @PreDestroy
    void stop() {
        loop.close();
        hubs.stopAll();
    }
}
