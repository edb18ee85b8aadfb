package dev.hookrelay.receiver;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Kubernetes client: in a pod, the mounted ServiceAccount token (the function's own,
 * least-privileged identity); elsewhere, the kubeconfig named by {@code hookrelay.kubeconfig}
 * or the usual KUBECONFIG / ~/.kube/config.
 */
@Factory
class KubernetesClientFactory {

    @Singleton
    ApiClient apiClient(@Nullable @Value("${hookrelay.kubeconfig}") String kubeconfig,
                        @Value("${hookrelay.kubernetes.read-timeout:10s}") java.time.Duration readTimeout) {
        try {
            ApiClient client = kubeconfig == null
                    ? ClientBuilder.standard().build()
                    : ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(Files.newBufferedReader(Path.of(kubeconfig)))).build();
            client.setHttpClient(client.getHttpClient().newBuilder()
                    .connectTimeout(java.time.Duration.ofSeconds(2))
                    .readTimeout(readTimeout)
                    .build());
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot configure the Kubernetes client", e);
        }
    }
}
