package dev.hookrelay.controller.notification;

import java.util.Locale;
import java.util.Map;

/** The resources of the kinds an Alert may name in eventSources (a closed list in the CRD). */
final class SourceKinds {
    private static final Map<String, String> PLURALS = Map.ofEntries(
            Map.entry("Bucket", "buckets"), Map.entry("GitRepository", "gitrepositories"),
            Map.entry("OCIRepository", "ocirepositories"), Map.entry("HelmRepository", "helmrepositories"),
            Map.entry("HelmChart", "helmcharts"), Map.entry("HelmRelease", "helmreleases"),
            Map.entry("Kustomization", "kustomizations"), Map.entry("ImageRepository", "imagerepositories"),
            Map.entry("ImagePolicy", "imagepolicies"), Map.entry("ImageUpdateAutomation", "imageupdateautomations"),
            Map.entry("Receiver", "receivers"), Map.entry("Relay", "relays"));

    private SourceKinds() {
    }

    /** The plural of a kind the CRD allows, or null. */
    static String plural(String kind) {
        return PLURALS.get(kind);
    }

    /** The object's path on the API server, for example /apis/hookrelay.dev/v1alpha1/namespaces/ns/receivers/x. */
    static String path(FluxEvent.InvolvedObject object) {
        String plural = PLURALS.getOrDefault(object.kind(), object.kind().toLowerCase(Locale.ROOT) + "s");
        String apiVersion = object.apiVersion() == null ? "" : object.apiVersion();
        String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : apiVersion.isEmpty() ? "" : "/api/" + apiVersion;
        return prefix + "/namespaces/" + object.namespace() + "/" + plural + "/" + object.name();
    }
}
