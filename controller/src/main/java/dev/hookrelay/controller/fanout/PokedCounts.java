package dev.hookrelay.controller.fanout;

import io.kubernetes.client.common.KubernetesObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event count this process has poked the targets of an object for. The informer cache
 * can lag behind the status write that recorded it; without this, a reconcile in that window
 * would poke a second time for the same events. Keyed by namespace/name and uid, so a
 * recreated object starts over.
 */
public final class PokedCounts {
    private final Map<String, Poked> counts = new ConcurrentHashMap<>();

    public long of(KubernetesObject object) {
        Poked poked = counts.get(key(object.getMetadata().getNamespace(), object.getMetadata().getName()));
        return poked != null && poked.uid().equals(object.getMetadata().getUid()) ? poked.count() : 0;
    }

    public void record(KubernetesObject object, long count) {
        counts.put(key(object.getMetadata().getNamespace(), object.getMetadata().getName()),
                new Poked(object.getMetadata().getUid(), count));
    }

    public void forget(String namespace, String name) {
        counts.remove(key(namespace, name));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private record Poked(String uid, long count) {
    }
}
