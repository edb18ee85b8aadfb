package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.core.annotation.Nullable;

/** One object to poke; its metadata when a target filter needs it (listed, or read by name). */
record TargetObject(ApiKind kind, String namespace, String name, @Nullable V1ObjectMeta metadata) {

    TargetObject(ApiKind kind, String namespace, String name) {
        this(kind, namespace, name, null);
    }

    @Override
    public String toString() {
        return kind.kind() + " " + namespace + "/" + name;
    }
}
