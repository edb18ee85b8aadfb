package dev.hookrelay.controller.kube;

/**
 * The controller's name where Kubernetes and providers see it: the field manager of the objects
 * it creates and pokes, the component of its Events, its User-Agent and replica identity.
 */
public final class ControllerName {
    public static final String VALUE = "hookrelay-controller";

    private ControllerName() {
    }
}
