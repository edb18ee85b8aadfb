package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.LeaderOnlyLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Runs the fan-out reconciler on the leading replica, with a queue of its own. */
@Singleton
public class FanoutController implements ApplicationEventListener<StartupEvent> {
    private final FanoutReceivers receivers;
    private final LeaderOnlyLoop loop;

    FanoutController(FanoutReceivers receivers, FanoutQueue queue, FanoutReconciler reconciler, ControllerSettings settings,
                     LeaderElection leaderElection, LeaderElectionSettings election) {
        this.receivers = receivers;
        this.loop = new LeaderOnlyLoop("fanout", queue, reconciler, settings, leaderElection, election);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start(receivers.cache(), FanoutReceivers::needFanout);
    }

    /** Reconciles finished by this replica, for tests and benchmarks. */
    public long reconciled() {
        return loop.reconciled();
    }

    @PreDestroy
    void stop() {
        loop.close();
    }
}
