package dev.hookrelay.controller.benchmark;

import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the targets of one kind in a namespace, as any watcher would, and notes when the
 * poke annotation of each last changed.
 */
final class AnnotationWatch implements AutoCloseable {
    private final SharedInformerFactory informers;
    private final String annotation;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    AnnotationWatch(ApiClient client, String namespace, String group, String version, String plural, String annotation) {
        this.annotation = annotation;
        this.informers = new SharedInformerFactory(client);
        SharedIndexInformer<DynamicKubernetesObject> informer = informers.sharedIndexInformerFor(new GenericKubernetesApi<>(
                DynamicKubernetesObject.class, DynamicKubernetesListObject.class, group, version, plural, client),
                DynamicKubernetesObject.class, 0, namespace);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(DynamicKubernetesObject object) {
                note(object);
            }

            @Override
            public void onUpdate(DynamicKubernetesObject before, DynamicKubernetesObject after) {
                note(after);
            }

            @Override
            public void onDelete(DynamicKubernetesObject object, boolean finalStateUnknown) {
            }
        });
        informers.startAllRegisteredInformers();
    }

    String value(String name) {
        return values.get(name);
    }

    /** Waits until the annotation of {@code name} differs from {@code before}, and returns when it changed. */
    long awaitChange(String name, String before, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Objects.equals(values.get(name), before)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not poked within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(1);
        }
        return changedAt.get(name);
    }

    void awaitValue(String name, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!expected.equals(values.get(name))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not show " + expected + " within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(1);
        }
    }

    private void note(DynamicKubernetesObject object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(annotation);
        String name = object.getMetadata().getName();
        if (value != null && !value.equals(values.get(name))) {
            changedAt.put(name, System.nanoTime());
            values.put(name, value);
        }
    }

    @Override
    public void close() {
        informers.stopAllRegisteredInformers();
    }
}
