package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.ApiClient;
import jakarta.inject.Singleton;
import java.util.List;

/** The Target for each kind: the first that handles it, the generic annotation last. */
@Singleton
class Targets {
    private final List<Target> targets;

    Targets(ApiClient client, FanoutSettings settings) {
        ObjectPatches patches = new ObjectPatches(client);
        this.targets = List.of(new FluxTarget(patches), new ArgoCdTarget(patches), new KubeappsTarget(patches),
                new AnnotationTarget(patches, settings.getAnnotation()));
    }

    Target forKind(ApiKind kind) {
        return targets.stream().filter(t -> t.handles(kind)).findFirst().orElseThrow();
    }
}
