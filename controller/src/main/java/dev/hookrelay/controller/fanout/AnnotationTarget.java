package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.ApiException;

/** Any other kind: the configured annotation (hookrelay.fanout.annotation) set to the event time. */
final class AnnotationTarget implements Target {
    private final ObjectPatches patches;
    private final String annotation;

    AnnotationTarget(ObjectPatches patches, String annotation) {
        this.patches = patches;
        this.annotation = annotation;
    }

    @Override
    public boolean handles(ApiKind kind) {
        return true;
    }

    @Override
    public void poke(TargetObject object, Poke poke) throws ApiException {
        patches.annotate(object, annotation, poke.requestedAt());
    }
}
