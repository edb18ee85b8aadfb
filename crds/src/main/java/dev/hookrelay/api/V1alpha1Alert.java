package dev.hookrelay.api;

/** Sends the events of the objects it names, of at least its severity, to one Provider. */
public class V1alpha1Alert extends CustomObject<V1alpha1AlertSpec, V1alpha1ReadyStatus, V1alpha1Alert> {
    public static final String KIND = "Alert";

    public V1alpha1Alert() {
        super(KIND);
    }
}
