package dev.hookrelay.receiver;

import dev.hookrelay.receiver.kubernetes.ApiServer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Prototype;
import java.time.Duration;

/**
 * The function's connections to the Kubernetes API server: in a pod, the mounted ServiceAccount
 * token (the function's own, least-privileged identity); elsewhere, the kubeconfig named by
 * {@code hookrelay.kubeconfig} or the usual KUBECONFIG / ~/.kube/config. Each user gets its own
 * (a prototype): the status writer's kept-alive connection is never busy with an Event, so a
 * delivery's PATCH never waits for a second connection and its TLS handshake.
 */
@Factory
class ApiServerFactory {

    @Prototype
    ApiServer apiServer(@Nullable @Value("${hookrelay.kubeconfig}") String kubeconfig,
                        @Value("${hookrelay.kubernetes.read-timeout:10s}") Duration readTimeout) {
        return ApiServer.connect(kubeconfig, readTimeout);
    }
}
