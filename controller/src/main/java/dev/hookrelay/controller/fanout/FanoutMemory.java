package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1PendingTargets;
import io.kubernetes.client.common.KubernetesObject;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process last did for the targets of an object: the event count it poked every
 * target for, and the targets it left. The informer cache can lag behind the status write
 * that recorded them; without this, a reconcile in that window would poke a second time what
 * was poked already. Keyed by namespace/name and uid, so a recreated object starts over.
 */
public final class FanoutMemory {
    private final Map<String, Remembered> entries = new ConcurrentHashMap<>();

    /** The event count every target was poked for, as far as this process knows; 0 if it knows nothing. */
    public long handled(KubernetesObject object) {
        Remembered remembered = of(object);
        return remembered == null ? 0 : remembered.handled();
    }

    /** The targets left by the last fan-out: as this process remembers them, else as the status says. */
    @Nullable
    public V1alpha1PendingTargets left(KubernetesObject object, @Nullable V1alpha1PendingTargets inStatus) {
        Remembered remembered = of(object);
        return remembered == null ? inStatus : remembered.left();
    }

    public void record(KubernetesObject object, long handled, @Nullable V1alpha1PendingTargets left) {
        entries.put(key(object.getMetadata().getNamespace(), object.getMetadata().getName()),
                new Remembered(object.getMetadata().getUid(), handled, left));
    }

    public void forget(String namespace, String name) {
        entries.remove(key(namespace, name));
    }

    private Remembered of(KubernetesObject object) {
        Remembered remembered = entries.get(key(object.getMetadata().getNamespace(), object.getMetadata().getName()));
        return remembered != null && remembered.uid().equals(object.getMetadata().getUid()) ? remembered : null;
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private record Remembered(String uid, long handled, @Nullable V1alpha1PendingTargets left) {
    }
}
