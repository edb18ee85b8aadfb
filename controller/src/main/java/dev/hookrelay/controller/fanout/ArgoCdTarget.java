package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.ApiException;

/**
 * Argo CD's Application: Argo CD refreshes an Application that carries
 * argocd.argoproj.io/refresh, and removes the annotation when it has.
 */
final class ArgoCdTarget implements Target {
    static final String ANNOTATION = "argocd.argoproj.io/refresh";
    static final String NORMAL = "normal";

    private final ObjectPatches patches;

    ArgoCdTarget(ObjectPatches patches) {
        this.patches = patches;
    }

    @Override
    public boolean handles(ApiKind kind) {
        return "argoproj.io".equals(kind.group()) && "Application".equals(kind.kind());
    }

    @Override
    public void poke(TargetObject object, Poke poke) throws ApiException {
        patches.annotate(object, ANNOTATION, NORMAL);
    }
}
