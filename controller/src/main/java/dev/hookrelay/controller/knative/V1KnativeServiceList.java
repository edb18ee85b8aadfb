package dev.hookrelay.controller.knative;

import dev.hookrelay.api.CustomObjectList;

public class V1KnativeServiceList extends CustomObjectList<V1KnativeService> {
    public V1KnativeServiceList() {
        super(V1KnativeService.API_VERSION, "ServiceList");
    }
}
