package dev.hookrelay.api;

/** Follows a Receiver in a hub cluster, dialing out, and pokes local objects on its new events. */
public class V1alpha1Relay extends CustomObject<V1alpha1RelaySpec, V1alpha1RelayStatus, V1alpha1Relay> {
    public static final String KIND = "Relay";

    public V1alpha1Relay() {
        super(KIND);
    }
}
