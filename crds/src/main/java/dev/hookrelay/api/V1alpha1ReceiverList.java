package dev.hookrelay.api;

public class V1alpha1ReceiverList extends CustomObjectList<V1alpha1Receiver> {
    public V1alpha1ReceiverList() {
        super("ReceiverList");
    }
}
