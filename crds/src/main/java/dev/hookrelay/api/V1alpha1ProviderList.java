package dev.hookrelay.api;

public class V1alpha1ProviderList extends CustomObjectList<V1alpha1Provider> {
    public V1alpha1ProviderList() {
        super("ProviderList");
    }
}
