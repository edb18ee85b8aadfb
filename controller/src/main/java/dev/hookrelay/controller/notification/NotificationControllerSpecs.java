package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.controller.kube.ControllerSpec;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The Provider and Alert reconcilers: a Provider is reconciled when it changes, an Alert when it
 * or its Provider changes.
 */
@Factory
class NotificationControllerSpecs {

    @Singleton
    ControllerSpec providerController(NotificationCaches caches, ProviderReconciler providers) {
        return new ControllerSpec("provider", providers, queue -> caches.providers().watch(queue, watch -> watch),
                caches::hasSynced);
    }

    @Singleton
    ControllerSpec alertController(NotificationCaches caches, AlertReconciler alerts) {
        return new ControllerSpec("alert", alerts, queue -> {
            caches.alerts().watch(queue, watch -> watch);
            caches.providers().addEventHandler(new AlertsOfProvider(caches, queue));
        }, caches::hasSynced);
    }

    /** Hand-written: a client-java watch maps one object to one request, and a Provider has many Alerts. */
    private record AlertsOfProvider(NotificationCaches caches, WorkQueue<Request> queue)
            implements ResourceEventHandler<V1alpha1Provider> {
        @Override
        public void onAdd(V1alpha1Provider provider) {
            caches.alerts().inNamespace(provider.getMetadata().getNamespace()).stream()
                    .filter(a -> provider.getMetadata().getName().equals(a.getSpec().getProviderRef().getName()))
                    .forEach(a -> queue.add(new Request(a.getMetadata().getNamespace(), a.getMetadata().getName())));
        }

        @Override
        public void onUpdate(V1alpha1Provider before, V1alpha1Provider after) {
            onAdd(after);
        }

        @Override
        public void onDelete(V1alpha1Provider provider, boolean finalStateUnknown) {
            onAdd(provider);
        }
    }
}
