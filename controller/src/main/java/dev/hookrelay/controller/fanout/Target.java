package dev.hookrelay.controller.fanout;

import io.kubernetes.client.openapi.ApiException;

/** How the objects of some kinds are asked to reconcile now. */
interface Target {

    boolean handles(ApiKind kind);

    void poke(TargetObject object, Poke poke) throws ApiException;
}
