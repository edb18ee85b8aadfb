package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import dev.hookrelay.controller.knative.V1KnativeService;
import dev.hookrelay.controller.knative.V1KnativeServiceList;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1APIResourceList;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.time.Duration;

/**
 * Whether the cluster serves Knative Services, and their cache. The informer starts only once
 * the API exists, so a cluster without Knative Serving costs one discovery request per retry
 * instead of a failing watch every second.
 */
@Singleton
class KnativeServing {
    private final Informers informers;
    private final ReceiverCaches caches;
    private final CustomObjectsApi discovery;
    private volatile KubeCache<V1KnativeService> services;

    KnativeServing(Informers informers, ReceiverCaches caches, ApiClient client) {
        this.informers = informers;
        this.caches = caches;
        this.discovery = new CustomObjectsApi(client);
    }

    synchronized boolean isInstalled() throws ApiException {
        if (services == null && served()) {
            KubeCache<V1KnativeService> cache = informers.start(V1KnativeService.class, V1KnativeServiceList.class,
                    V1KnativeService.GROUP, V1KnativeService.PLURAL, Owners.MANAGED_SELECTOR, Duration.ZERO, true);
            caches.watchOwned(cache);
            services = cache;
        }
        return services != null;
    }

    KubeCache<V1KnativeService> services() {
        return services;
    }

    private boolean served() throws ApiException {
        try {
            V1APIResourceList resources = discovery.getAPIResources(V1KnativeService.GROUP, V1KnativeService.VERSION).execute();
            return resources.getResources().stream().anyMatch(r -> V1KnativeService.PLURAL.equals(r.getName()));
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
