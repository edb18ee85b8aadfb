package dev.hookrelay.api;

public class V1alpha1RelayList extends CustomObjectList<V1alpha1Relay> {
    public V1alpha1RelayList() {
        super("RelayList");
    }
}
