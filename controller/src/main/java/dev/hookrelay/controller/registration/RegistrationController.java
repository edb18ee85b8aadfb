package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.LeaderOnlyLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** Runs the registration reconciler on the leading replica, with a queue of its own. */
@Singleton
public class RegistrationController implements ApplicationEventListener<StartupEvent> {
    private final RegistrationReceivers receivers;
    private final LeaderOnlyLoop loop;

    RegistrationController(RegistrationReceivers receivers, RegistrationQueue queue, RegistrationReconciler reconciler,
                           ControllerSettings settings, LeaderElection leaderElection, LeaderElectionSettings election) {
        this.receivers = receivers;
        this.loop = new LeaderOnlyLoop("registration", queue, reconciler, settings, leaderElection, election);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        loop.start(receivers.cache(), RegistrationReceivers::needsWork);
    }

    @PreDestroy
    void stop() {
        loop.close();
    }
}
