package dev.hookrelay.api;

public class V1alpha1AlertList extends CustomObjectList<V1alpha1Alert> {
    public V1alpha1AlertList() {
        super("AlertList");
    }
}
