package dev.hookrelay.controller.notification;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1AlertList;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.api.V1alpha1ProviderList;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayList;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.micronaut.context.annotation.Context;

/**
 * The informer caches dispatch reads, on every replica (each replica's intake dispatches what
 * it receives): Providers, Alerts, and the Receivers and Relays whose events it sends
 * (the informer factory shares one informer per kind with the other controllers).
 */
@Context
class NotificationCaches {
    private final KubeCache<V1alpha1Provider> providers;
    private final KubeCache<V1alpha1Alert> alerts;
    private final KubeCache<V1alpha1Receiver> receivers;
    private final KubeCache<V1alpha1Relay> relays;

    NotificationCaches(Informers informers) {
        providers = informers.hookrelay(V1alpha1Provider.class, V1alpha1ProviderList.class, HookrelayApi.PROVIDERS);
        alerts = informers.hookrelay(V1alpha1Alert.class, V1alpha1AlertList.class, HookrelayApi.ALERTS);
        receivers = informers.hookrelay(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.RECEIVERS);
        relays = informers.hookrelay(V1alpha1Relay.class, V1alpha1RelayList.class, HookrelayApi.RELAYS);
    }

    KubeCache<V1alpha1Provider> providers() {
        return providers;
    }

    KubeCache<V1alpha1Alert> alerts() {
        return alerts;
    }

    KubeCache<V1alpha1Receiver> receivers() {
        return receivers;
    }

    KubeCache<V1alpha1Relay> relays() {
        return relays;
    }

    boolean hasSynced() {
        return providers.hasSynced() && alerts.hasSynced() && receivers.hasSynced()
                && relays.hasSynced();
    }
}
