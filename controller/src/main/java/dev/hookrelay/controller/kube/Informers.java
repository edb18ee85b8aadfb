package dev.hookrelay.controller.kube;

import dev.hookrelay.api.HookrelayApi;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.kubernetes.client.informer.SharedIndexInformerFactory;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Starts shared informers over the namespaces the controller watches, in the one shared informer
 * factory (micronaut-kubernetes', a client-java SharedInformerFactory started with the application
 * on every replica). Kept by hand: client-java's factory holds one informer per kind, and a list
 * of namespaces takes one informer each.
 */
@Singleton
public class Informers {
    private final SharedIndexInformerFactory factory;
    private final List<String> namespaces;
    private final Duration resyncPeriod;

    public Informers(SharedIndexInformerFactory factory, ControllerSettings settings) {
        this.factory = factory;
        this.namespaces = settings.getNamespaces().stream().filter(n -> !n.isBlank()).toList();
        this.resyncPeriod = settings.getResyncPeriod();
    }

    /** A started cache of one of Hookrelay's own kinds, resynced every hookrelay.controller.resync-period. */
    public <T extends KubernetesObject, L extends KubernetesListObject> KubeCache<T> hookrelay(
            Class<T> type, Class<L> listType, String plural) {
        return start(type, listType, HookrelayApi.GROUP, plural, null, resyncPeriod, false);
    }

    /**
     * A started cache of one kind. {@code waitForSync} blocks until the initial list is in
     * (bounded by {@code kubernetes.client.informer.sync-timeout}).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends KubernetesObject, L extends KubernetesListObject> KubeCache<T> start(
            Class<T> type, Class<L> listType, String group, String plural,
            @Nullable String labelSelector, Duration resync, boolean waitForSync) {
        List informers = factory.sharedIndexInformersFor(type, listType, plural, group,
                namespaces.isEmpty() ? null : namespaces, labelSelector, resync.toMillis(), waitForSync);
        return new KubeCache<T>(type, (List<SharedIndexInformer<T>>) informers);
    }
}
