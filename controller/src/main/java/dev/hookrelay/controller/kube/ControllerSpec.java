package dev.hookrelay.controller.kube;

import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What one reconciler needs to run, declared by its package as a bean: its name, the reconciler,
 * how informer changes fill its work queue, and when the caches it reads are in.
 * {@link ControllerRuntime} turns every one of them into a client-java controller the same way.
 */
public record ControllerSpec(String name, Reconciler reconciler, Consumer<WorkQueue<Request>> watches,
                             BooleanSupplier cachesSynced) {
}
