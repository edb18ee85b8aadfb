package dev.hookrelay.controller.relay;

import dev.hookrelay.api.V1alpha1Relay;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HubInformer} per followed Relay, each queueing its Relay into the Relay
 * controller's work queue, so the reconciler acts on hub changes as on changes of the Relay itself.
 */
@Singleton
class HubWatches {
    private final HubCredentials credentials;
    private final RelaySettings settings;
    private final ApiClient local;
    private final Map<String, HubInformer> informers = new ConcurrentHashMap<>();
    private volatile WorkQueue<Request> queue;

    HubWatches(HubCredentials credentials, RelaySettings settings, ApiClient local) {
        this.credentials = credentials;
        this.settings = settings;
        this.local = local;
    }

    void feed(WorkQueue<Request> queue) {
        this.queue = queue;
    }

    /**
     * Makes sure the Relay's hub is followed (a new informer when spec.hub changed) and returns
     * what is known of it, or null until the hub has answered.
     */
    @Nullable
    HubState follow(V1alpha1Relay relay) {
        String namespace = relay.getMetadata().getNamespace();
        String name = relay.getMetadata().getName();
        HubAddress hub = HubAddress.of(relay);
        HubInformer running = informers.get(key(namespace, name));
        if (running != null && running.hub().equals(hub)) {
            return running.latest();
        }
        stop(namespace, name);
        HubInformer informer = new HubInformer(hub, new Request(namespace, name), queue, credentials, settings, local);
        informers.put(key(namespace, name), informer);
        informer.start();
        return null;
    }

    void stop(String namespace, String name) {
        HubInformer informer = informers.remove(key(namespace, name));
        if (informer != null) {
            informer.stop();
        }
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @PreDestroy
    void stopAll() {
        informers.values().forEach(HubInformer::stop);
        informers.clear();
    }
}
