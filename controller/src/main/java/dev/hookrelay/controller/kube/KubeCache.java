package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.builder.ControllerWatchBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Read access to the informer caches of one kind, across the watched namespaces (client-java's
 * Lister reads one informer; a list of namespaces takes one informer each).
 */
public final class KubeCache<T extends KubernetesObject> {
    private final Class<T> type;
    private final List<SharedIndexInformer<T>> informers;

    KubeCache(Class<T> type, List<SharedIndexInformer<T>> informers) {
        this.type = type;
        this.informers = List.copyOf(informers);
    }

    /** The cached object, or null when the cache holds none of that name. */
    public T get(String namespace, String name) {
        String key = namespace + "/" + name;
        for (SharedIndexInformer<T> informer : informers) {
            T object = informer.getIndexer().getByKey(key);
            if (object != null) {
                return object;
            }
        }
        return null;
    }

    public List<T> inNamespace(String namespace) {
        return informers.stream()
                .flatMap(i -> i.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream())
                .toList();
    }

    public List<T> list() {
        return informers.stream().flatMap(i -> i.getIndexer().list().stream()).toList();
    }

    public boolean hasSynced() {
        return informers.stream().allMatch(SharedIndexInformer::hasSynced);
    }

    public void addEventHandler(ResourceEventHandler<T> handler) {
        informers.forEach(i -> i.addEventHandler(handler));
    }

    /** Feeds a controller's work queue with the changes a client-java controller watch, shaped by {@code watch}, lets through. */
    public void watch(WorkQueue<Request> queue, UnaryOperator<ControllerWatchBuilder<T>> watch) {
        addEventHandler(watch.apply(ControllerBuilder.controllerWatchBuilder(type, queue)).build().getResourceEventHandler());
    }
}
