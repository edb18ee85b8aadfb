package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import java.util.function.Consumer;

/** An informer handler for when it matters only that an object appeared, changed or went. */
public final class AnyChange {
    private AnyChange() {
    }

    public static <T extends KubernetesObject> ResourceEventHandler<T> of(Consumer<T> action) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                action.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                action.accept(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                action.accept(object);
            }
        };
    }
}
