package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.controller.kube.AnyChange;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.LeaderElection;
import dev.hookrelay.controller.kube.LeaderElectionSettings;
import dev.hookrelay.controller.kube.LeaderOnlyLoop;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Runs the Provider and Alert reconcilers on the leading replica: a Provider is reconciled
 * when it or a Secret it names changes, an Alert when it or its Provider changes.
 */
@Singleton
class NotificationController implements ApplicationEventListener<StartupEvent> {
    private final NotificationCaches caches;
    private final LeaderOnlyLoop providerLoop;
    private final LeaderOnlyLoop alertLoop;

    NotificationController(NotificationCaches caches, ProviderReconciler providers, AlertReconciler alerts,
                           ControllerSettings settings, LeaderElection leaderElection, LeaderElectionSettings election) {
        this.caches = caches;
        NotificationQueue providerQueue = new NotificationQueue("provider", settings);
        NotificationQueue alertQueue = new NotificationQueue("alert", settings);
        this.providerLoop = new LeaderOnlyLoop("provider", providerQueue, providers, settings, leaderElection, election);
        this.alertLoop = new LeaderOnlyLoop("alert", alertQueue, alerts, settings, leaderElection, election);
        caches.providers().addEventHandler(AnyChange.of(provider -> {
            providerQueue.add(provider);
            alertsOf(provider).forEach(alertQueue::add);
        }));
        caches.alerts().addEventHandler(AnyChange.of(alertQueue::add));
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        providerLoop.start(caches::hasSynced, caches.providers(), provider -> true);
        alertLoop.start(caches::hasSynced, caches.alerts(), alert -> true);
    }

    private List<V1alpha1Alert> alertsOf(V1alpha1Provider provider) {
        return caches.alerts().inNamespace(provider.getMetadata().getNamespace()).stream()
                .filter(a -> provider.getMetadata().getName().equals(a.getSpec().getProviderRef().getName())).toList();
    }

    @PreDestroy
    void stop() {
        providerLoop.close();
        alertLoop.close();
    }
}
