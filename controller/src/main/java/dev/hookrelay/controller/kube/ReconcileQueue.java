package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The work queue of one reconciler: a request waits there once however often it is added,
 * and a failed one comes back with exponential backoff (hookrelay.controller.retry-*).
 */
public class ReconcileQueue implements AutoCloseable {
    private final ExecutorService delays;
    private final RateLimitingQueue<Request> queue;

    protected ReconcileQueue(String name, ControllerSettings settings) {
        this.delays = Executors.newSingleThreadExecutor(Threads.named(name + "-queue-delays", true));
        this.queue = new DefaultRateLimitingQueue<>(delays,
                new ItemExponentialFailureRateLimiter<>(settings.getRetryBaseDelay(), settings.getRetryMaxDelay()));
    }

    public void add(String namespace, String name) {
        queue.add(new Request(namespace, name));
    }

    public void add(KubernetesObject object) {
        add(object.getMetadata().getNamespace(), object.getMetadata().getName());
    }

    RateLimitingQueue<Request> queue() {
        return queue;
    }

    @Override
    public void close() {
        queue.shutDown();
        delays.shutdownNow();
    }
}
