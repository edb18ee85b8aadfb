package dev.hookrelay.controller.benchmark;

import dev.hookrelay.controller.testing.Cluster;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/** Marks each Knative Service's current generation ready, once, as Knative would after a rollout. */
record PlayKnative(Cluster cluster, ExecutorService executor, Set<String> marked)
        implements ResourceEventHandler<DynamicKubernetesObject> {
    PlayKnative(Cluster cluster, ExecutorService executor) {
        this(cluster, executor, ConcurrentHashMap.newKeySet());
    }

    @Override
    public void onAdd(DynamicKubernetesObject service) {
        String key = service.getMetadata().getName() + "@" + service.getMetadata().getGeneration();
        if (marked.add(key)) {
            executor.submit(() -> cluster.markKnativeServiceReady(service.getMetadata().getName()));
        }
    }

    @Override
    public void onUpdate(DynamicKubernetesObject before, DynamicKubernetesObject after) {
        onAdd(after);
    }

    @Override
    public void onDelete(DynamicKubernetesObject service, boolean finalStateUnknown) {
    }
}
