package dev.hookrelay.controller.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.net.HttpURLConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Objects that Receivers and Relays poke, of real third-party kinds (Flux's and Argo CD's
 * own CRDs; Flux's ImageRepository and Kubeapps' AppRepository reduced), created and read as an
 * administrator would.
 */
public final class PokeTargets {
    public static final Kind GIT_REPOSITORY = new Kind("source.toolkit.fluxcd.io", "v1", "GitRepository", "gitrepositories");
    public static final Kind KUSTOMIZATION = new Kind("kustomize.toolkit.fluxcd.io", "v1", "Kustomization", "kustomizations");
    public static final Kind HELM_RELEASE = new Kind("helm.toolkit.fluxcd.io", "v2", "HelmRelease", "helmreleases");
    public static final Kind IMAGE_REPOSITORY = new Kind("image.toolkit.fluxcd.io", "v1beta2", "ImageRepository",
            "imagerepositories");
    public static final Kind APPLICATION = new Kind("argoproj.io", "v1alpha1", "Application", "applications");
    public static final Kind APP_REPOSITORY = new Kind("kubeapps.com", "v1alpha1", "AppRepository", "apprepositories");
    public static final Kind CONFIG_MAP = new Kind("", "v1", "ConfigMap", "configmaps");

    public static final String FLUX_ANNOTATION = "reconcile.fluxcd.io/requestedAt";
    public static final String ARGO_CD_ANNOTATION = "argocd.argoproj.io/refresh";
    public static final String GENERIC_ANNOTATION = "hookrelay.dev/requestedAt";

    private final ControlPlane plane;

    public PokeTargets(ControlPlane plane) {
        this.plane = plane;
    }

    /** Installs Flux's, Argo CD's and Kubeapps' CRDs (again is fine). */
    public static PokeTargets installedOn(ControlPlane plane) {
        plane.crds().install(plane.assets().crds("flux"));
        plane.crds().install(plane.assets().crds("flux-helm"));
        plane.crds().install(plane.assets().crds("argo-cd"));
        Path thirdParty = ControlPlaneAssets.projectRoot().resolve("crds/src/test/resources/thirdparty");
        plane.crds().install(List.of(thirdParty.resolve("kubeapps-apprepository-crd.yaml"),
                thirdParty.resolve("flux-imagerepository-crd.yaml")));
        return new PokeTargets(plane);
    }

    public DynamicKubernetesObject create(Kind kind, String namespace, String name, Map<String, String> labels) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", name);
        metadata.addProperty("namespace", namespace);
        JsonObject labelJson = new JsonObject();
        labels.forEach(labelJson::addProperty);
        metadata.add("labels", labelJson);
        JsonObject object = new JsonObject();
        object.addProperty("apiVersion", kind.apiVersion());
        object.addProperty("kind", kind.kind());
        object.add("metadata", metadata);
        JsonElement spec = kind.minimalSpec();
        if (spec != null) {
            object.add(kind == CONFIG_MAP ? "data" : "spec", spec);
        }
        var created = api(kind).create(new DynamicKubernetesObject(object));
        if (!created.isSuccess()) {
            throw new IllegalStateException("cannot create " + kind.kind() + " " + name + ": " + created.getStatus());
        }
        return created.getObject();
    }

    public DynamicKubernetesObject create(Kind kind, String namespace, String name) {
        return create(kind, namespace, name, Map.of());
    }

    /** The object, or null when there is none. */
    public DynamicKubernetesObject get(Kind kind, String namespace, String name) {
        var response = api(kind).get(namespace, name);
        if (response.getHttpStatusCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            return null;
        }
        if (!response.isSuccess()) {
            throw new IllegalStateException("cannot read " + kind.kind() + " " + name + ": " + response.getStatus());
        }
        return response.getObject();
    }

    /** The annotation's value, or null. */
    public String annotation(Kind kind, String namespace, String name, String key) {
        DynamicKubernetesObject object = get(kind, namespace, name);
        Map<String, String> annotations = object == null ? null : object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }

    public String resourceVersion(Kind kind, String namespace, String name) {
        return get(kind, namespace, name).getMetadata().getResourceVersion();
    }

    /** spec.resyncRequests of an AppRepository: how often it was asked to resync. */
    public long resyncRequests(String namespace, String name) {
        JsonObject spec = get(APP_REPOSITORY, namespace, name).getRaw().getAsJsonObject("spec");
        return spec.has("resyncRequests") ? spec.get("resyncRequests").getAsLong() : 0;
    }

    private DynamicKubernetesApi api(Kind kind) {
        return new DynamicKubernetesApi(kind.group(), kind.version(), kind.plural(), plane.adminClient());
    }

    /** A kind the tests poke, and the least each needs to pass its CRD's validation. */
    public record Kind(String group, String version, String kind, String plural) {
        public String apiVersion() {
            return group.isEmpty() ? version : group + "/" + version;
        }

        JsonElement minimalSpec() {
            JsonObject spec = new JsonObject();
            switch (kind) {
                case "GitRepository" -> {
                    spec.addProperty("url", "https://github.com/stefanprodan/podinfo");
                    spec.addProperty("interval", "10m");
                }
                case "Kustomization" -> {
                    spec.addProperty("interval", "10m");
                    spec.addProperty("prune", true);
                    JsonObject source = new JsonObject();
                    source.addProperty("kind", "GitRepository");
                    source.addProperty("name", "podinfo");
                    spec.add("sourceRef", source);
                }
                case "Application" -> {
                    JsonObject source = new JsonObject();
                    source.addProperty("repoURL", "https://github.com/argoproj/argocd-example-apps");
                    source.addProperty("path", "guestbook");
                    JsonObject destination = new JsonObject();
                    destination.addProperty("server", "https://kubernetes.default.svc");
                    destination.addProperty("namespace", "guestbook");
                    spec.addProperty("project", "default");
                    spec.add("source", source);
                    spec.add("destination", destination);
                }
                case "HelmRelease" -> {
                    spec.addProperty("interval", "10m");
                    JsonObject chartRef = new JsonObject();
                    chartRef.addProperty("kind", "OCIRepository");
                    chartRef.addProperty("name", "podinfo");
                    spec.add("chartRef", chartRef);
                }
                case "ImageRepository" -> {
                    spec.addProperty("image", "ghcr.io/stefanprodan/podinfo");
                    spec.addProperty("interval", "1m");
                }
                case "AppRepository" -> {
                    spec.addProperty("type", "helm");
                    spec.addProperty("url", "https://charts.bitnami.com/bitnami");
                }
                case "ConfigMap" -> spec.addProperty("setting", "value");
                default -> {
                    return null;
                }
            }
            return spec;
        }
    }
}
