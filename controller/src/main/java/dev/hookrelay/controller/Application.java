package dev.hookrelay.controller;

import io.micronaut.runtime.Micronaut;

/**
 * The Hookrelay controller: provisions every Receiver's function and keeps it converged.
 * Runs with the {@code k8s} environment even outside a cluster (with a kubeconfig), because
 * micronaut-kubernetes only enables its informers there.
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).environments("k8s").start();
    }
}
