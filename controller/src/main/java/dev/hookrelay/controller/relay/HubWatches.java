package dev.hookrelay.controller.relay;

import dev.hookrelay.api.V1alpha1Relay;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One HubWatch per followed Relay. Every change a watch sees queues its Relay, so the
 * reconciler acts on hub changes as on changes of the Relay itself.
 */
@Singleton
class HubWatches {
    private final HubCredentials credentials;
    private final RelaySettings settings;
    private final RelayQueue queue;
    private final Map<String, HubWatch> watches = new ConcurrentHashMap<>();

    HubWatches(HubCredentials credentials, RelaySettings settings, RelayQueue queue) {
        this.credentials = credentials;
        this.settings = settings;
        this.queue = queue;
    }

    /**
     * Makes sure the Relay's hub is followed (a new watch when spec.hub changed) and returns
     * what is known of it, or null until the watch has reported.
     */
    @Nullable
    HubState follow(V1alpha1Relay relay) {
        String key = key(relay.getMetadata().getNamespace(), relay.getMetadata().getName());
        HubAddress hub = HubAddress.of(relay);
        HubWatch running = watches.get(key);
        if (running != null && running.hub().equals(hub)) {
            return running.latest();
        }
        stop(relay.getMetadata().getNamespace(), relay.getMetadata().getName());
        HubWatch watch = new HubWatch(hub, credentials, settings, () -> queue.add(relay));
        watches.put(key, watch);
        watch.start();
        return null;
    }

    void stop(String namespace, String name) {
        String key = key(namespace, name);
        HubWatch watch = watches.remove(key);
        if (watch != null) {
            watch.stop();
        }
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    @PreDestroy
    void stopAll() {
        watches.values().forEach(HubWatch::stop);
        watches.clear();
    }
}
