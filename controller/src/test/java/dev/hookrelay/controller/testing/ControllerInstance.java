package dev.hookrelay.controller.testing;

import dev.hookrelay.controller.kube.ProcessExit;
import dev.hookrelay.testing.ControlPlane;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One controller, as the application runs it (same beans, same configuration), inside the
 * test JVM, against a test control plane. Several may run at once, like replicas.
 */
public final class ControllerInstance implements AutoCloseable {
    private final ApplicationContext context;
    private final AtomicInteger exitStatus = new AtomicInteger(-1);

    private ControllerInstance(Map<String, Object> properties) {
        ProcessExit recordingExit = exitStatus::set;
        this.context = ApplicationContext.builder()
                .environments("k8s", "test")
                .properties(properties)
                .singletons(recordingExit)
                .start();
    }

    /**
     * A controller of the Receivers in one namespace, alone (no leader election), retrying within a
     * second, with its own ServiceAccount's token and exactly the shipped RBAC ({@link ShippedRbac}).
     */
    public static ControllerInstance start(ControlPlane plane, String namespace) {
        return start(plane, namespace, Map.of("hookrelay.controller.leader-election.enabled", false));
    }

    public static ControllerInstance start(ControlPlane plane, String namespace, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kubernetes.client.kube-config-path", ShippedRbac.controllerKubeconfig(plane, namespace).toString());
        properties.put("hookrelay.controller.namespaces", List.of(namespace));
        properties.put("hookrelay.controller.retry-max-delay", "1s");
        properties.put("hookrelay.controller.referenced-secret-recheck", "1s");
        properties.put("kubernetes.client.namespace", namespace);
        properties.putAll(extra);
        return new ControllerInstance(properties);
    }

    public List<String> writes() {
        return context.getBean(ApiRequests.class).writes();
    }

    public List<ApiRequests.Sent> requests() {
        return context.getBean(ApiRequests.class).all();
    }

    /** The status the controller passed to exit, or -1 if it did not ask to exit. */
    public int exitStatus() {
        return exitStatus.get();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
