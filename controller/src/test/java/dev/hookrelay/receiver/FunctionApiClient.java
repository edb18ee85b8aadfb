package dev.hookrelay.receiver;

import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * receiver-fn inside the controller's test JVM: micronaut-kubernetes, on this class path for
 * the controller, adds an ApiClient of its own beside the function's. This leaves the
 * function one client, built by the function's own factory.
 */
@Factory
@Requires(property = "hookrelay.receiver.name")
class FunctionApiClient {

    @Singleton
    @Replaces(ApiClient.class)
    ApiClient apiClient(@Nullable @Value("${hookrelay.kubeconfig}") String kubeconfig,
                        @Value("${hookrelay.kubernetes.read-timeout:10s}") Duration readTimeout) {
        return new KubernetesClientFactory().apiClient(kubeconfig, readTimeout);
    }
}
