package dev.hookrelay.api;

import java.util.List;

/** Coordinates of the hookrelay.dev API, in one place. */
public final class HookrelayApi {
    public static final String GROUP = "hookrelay.dev";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    public static final String RECEIVERS = "receivers";
    public static final String RELAYS = "relays";
    public static final String PROVIDERS = "providers";
    public static final String ALERTS = "alerts";

    /** Classpath locations of the CRD manifests, the single source of truth for the API. */
    public static final List<String> CRD_RESOURCES = List.of(
            "META-INF/hookrelay/crds/receivers.hookrelay.dev.yaml",
            "META-INF/hookrelay/crds/relays.hookrelay.dev.yaml",
            "META-INF/hookrelay/crds/providers.hookrelay.dev.yaml",
            "META-INF/hookrelay/crds/alerts.hookrelay.dev.yaml");

    private HookrelayApi() {
    }
}
