package dev.hookrelay.controller.fanout;

/** A kind as the API server serves it: where its objects live and whether they are namespaced. */
record ApiKind(String group, String version, String kind, String plural, boolean namespaced) {

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
