package dev.hookrelay.receiver;

import dev.hookrelay.receiver.kubernetes.ApiServer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The function's connection to the Kubernetes API server: in a pod, the mounted ServiceAccount
 * token (the function's own, least-privileged identity); elsewhere, the kubeconfig named by
 * {@code hookrelay.kubeconfig} or the usual KUBECONFIG / ~/.kube/config.
 */
@AsFunction
@Factory
class ApiServerFactory {

    @Singleton
    ApiServer apiServer(@Nullable @Value("${hookrelay.kubeconfig}") String kubeconfig,
                        @Value("${hookrelay.kubernetes.read-timeout:10s}") Duration readTimeout) {
        return ApiServer.connect(kubeconfig, readTimeout);
    }
}
