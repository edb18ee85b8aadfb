package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.AnyChange;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.Threads;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.extended.workqueue.ratelimiter.ItemExponentialFailureRateLimiter;
import io.kubernetes.client.informer.ResourceEventHandler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Receivers waiting to be reconciled, one entry per Receiver however often it changed.
 * Filled by the informers on every replica, emptied only by the leader's workers.
 */
@Singleton
class ReceiverQueue {
    private final ExecutorService delays = Executors.newSingleThreadExecutor(Threads.named("receiver-queue-delays", true));
    private final RateLimitingQueue<Request> queue;

    ReceiverQueue(ControllerSettings settings) {
        this.queue = new DefaultRateLimitingQueue<>(delays,
                new ItemExponentialFailureRateLimiter<>(settings.getRetryBaseDelay(), settings.getRetryMaxDelay()));
    }

    RateLimitingQueue<Request> queue() {
        return queue;
    }

    void add(String namespace, String name) {
        queue.add(new Request(namespace, name));
    }

    /** Events of an owned object, turned into a reconcile of the Receiver that controls it. */
    <T extends KubernetesObject> ResourceEventHandler<T> ownerEvents() {
        return AnyChange.of(this::addOwner);
    }

    private void addOwner(KubernetesObject object) {
        Owners.controllingReceiver(object).ifPresent(name -> add(object.getMetadata().getNamespace(), name));
    }

    @PreDestroy
    void stop() {
        queue.shutDown();
        delays.shutdownNow();
    }
}
