package dev.hookrelay.controller.relay;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayList;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.micronaut.context.annotation.Context;

/** The informer cache of Relays, started on every replica; any change queues the Relay once fed a queue. */
@Context
class RelayCaches {
    private final KubeCache<V1alpha1Relay> relays;

    RelayCaches(Informers informers) {
        this.relays = informers.hookrelay(V1alpha1Relay.class, V1alpha1RelayList.class, HookrelayApi.RELAYS);
    }

    void feed(WorkQueue<Request> queue) {
        relays.watch(queue, watch -> watch);
    }

    KubeCache<V1alpha1Relay> cache() {
        return relays;
    }
}
