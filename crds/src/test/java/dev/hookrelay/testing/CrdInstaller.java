package dev.hookrelay.testing;

import dev.hookrelay.api.HookrelayApi;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Installs CRDs into a control plane and waits until the API server serves them. */
public final class CrdInstaller {
    private static final Duration ESTABLISH_TIMEOUT = Duration.ofSeconds(30);
    private static final int HTTP_TOO_MANY_REQUESTS = 429;
    private final ControlPlane plane;

    CrdInstaller(ControlPlane plane) {
        this.plane = plane;
    }

    /** Hookrelay's own CRDs, read from the classpath: the same files the product ships. */
    public List<String> installHookrelay() {
        List<DynamicKubernetesObject> definitions = new ArrayList<>();
        for (String resource : HookrelayApi.CRD_RESOURCES) {
            try (InputStream in = CrdInstaller.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the classpath");
                }
                definitions.addAll(Manifests.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + resource, e);
            }
        }
        return installDefinitions(definitions);
    }

    /** Installs the CRDs in these files (those already there are kept) and returns their names. */
    public List<String> install(List<Path> files) {
        List<DynamicKubernetesObject> definitions = new ArrayList<>();
        for (Path file : files) {
            definitions.addAll(Manifests.read(file));
        }
        return installDefinitions(definitions);
    }

    // Untyped on purpose: client-java's typed YAML loader does not know x-kubernetes-* schema keys.
    private List<String> installDefinitions(List<DynamicKubernetesObject> definitions) {
        DynamicKubernetesApi crds = new DynamicKubernetesApi(
                "apiextensions.k8s.io", "v1", "customresourcedefinitions", plane.adminClient());
        List<String> names = new ArrayList<>();
        try {
            for (DynamicKubernetesObject definition : definitions) {
                var created = crds.create(definition);
                if (!created.isSuccess() && created.getHttpStatusCode() != 409) {
                    created.throwsApiException();
                }
                names.add(definition.getMetadata().getName());
            }
            ApiextensionsV1Api api = new ApiextensionsV1Api(plane.adminClient());
            for (String name : names) {
                awaitEstablished(api, name);
                awaitServedFromCache(api.readCustomResourceDefinition(name).execute());
            }
        } catch (ApiException e) {
            throw new IllegalStateException("the API server refused a CRD: " + e.getCode() + " " + e.getResponseBody(), e);
        }
        return names;
    }

    /**
     * Established is not yet listable: until the API server's watch cache for the new resource is
     * filled, a list from the cache (resourceVersion 0, what informers send first) is answered
     * 429 "storage is (re)initializing". Waiting here keeps that retried failure out of every
     * informer's log.
     */
    private void awaitServedFromCache(V1CustomResourceDefinition crd) {
        String version = crd.getSpec().getVersions().stream().filter(v -> v.getServed()).findFirst().orElseThrow().getName();
        DynamicKubernetesApi resources = new DynamicKubernetesApi(crd.getSpec().getGroup(), version,
                crd.getSpec().getNames().getPlural(), plane.adminClient());
        ListOptions fromCache = new ListOptions();
        fromCache.setResourceVersion("0");
        fromCache.setLimit(1);
        Eventually.await("CRD " + crd.getMetadata().getName() + " listable", ESTABLISH_TIMEOUT,
                () -> resources.list(fromCache).getHttpStatusCode() != HTTP_TOO_MANY_REQUESTS);
    }

    private static void awaitEstablished(ApiextensionsV1Api api, String name) {
        Eventually.await("CRD " + name + " Established", ESTABLISH_TIMEOUT, () -> {
            try {
                V1CustomResourceDefinition crd = api.readCustomResourceDefinition(name).execute();
                return crd.getStatus() != null && crd.getStatus().getConditions() != null
                        && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
            } catch (ApiException e) {
                throw new IllegalStateException("cannot read CRD " + name + ": " + e.getCode(), e);
            }
        });
    }
}
