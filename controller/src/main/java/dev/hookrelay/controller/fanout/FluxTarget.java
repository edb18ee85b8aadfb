package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.ApiException;

/**
 * Flux's kinds (source, kustomize, helm, image, notification toolkits): Flux reconciles an
 * object when reconcile.fluxcd.io/requestedAt differs from its status.lastHandledReconcileAt.
 */
final class FluxTarget implements Target {
    static final String ANNOTATION = "reconcile.fluxcd.io/requestedAt";
    private static final String GROUP_SUFFIX = ".toolkit.fluxcd.io";

    private final ObjectPatches patches;

    FluxTarget(ObjectPatches patches) {
        this.patches = patches;
    }

    @Override
    public boolean handles(ApiKind kind) {
        return kind.group().endsWith(GROUP_SUFFIX);
    }

    @Override
    public void poke(TargetObject object, Poke poke) throws ApiException {
        patches.annotate(object, ANNOTATION, poke.requestedAt());
    }
}
