package dev.hookrelay.controller.fanout;

/** A kind as the API server serves it: where its objects live and whether they are namespaced. */
record ApiKind(String group, String version, String kind, String plural, boolean namespaced) {

    /** As kubectl and RBAC name it: resource.group, or the resource alone in the core group. */
    String resource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }
}
