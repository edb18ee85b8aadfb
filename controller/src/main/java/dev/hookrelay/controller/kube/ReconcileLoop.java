package dev.hookrelay.controller.kube;

import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that take requests off a rate-limited work queue and reconcile them: a
 * failure or a requested retry goes back with exponential backoff, a success resets it. The
 * queue guarantees one request is never reconciled by two workers at once.
 * (client-java's DefaultController does the same but needs the optional Prometheus client.)
 */
public final class ReconcileLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);

    private final String name;
    private final RateLimitingQueue<Request> queue;
    private final Reconciler reconciler;
    private final int workers;
    private final AtomicLong reconciled = new AtomicLong();
    private ExecutorService pool;

    public ReconcileLoop(String name, RateLimitingQueue<Request> queue, Reconciler reconciler, int workers) {
        this.name = name;
        this.queue = queue;
        this.reconciler = reconciler;
        this.workers = workers;
    }

    public synchronized void start() {
        if (pool != null) {
            return;
        }
        pool = Executors.newFixedThreadPool(workers, Threads.named(name + "-worker", false));
        for (int i = 0; i < workers; i++) {
            pool.submit(this::work);
        }
        LOG.info("{}: {} workers started", name, workers);
    }

    /** Reconciles finished so far, successful or not. */
    public long reconciled() {
        return reconciled.get();
    }

    @Override
    public synchronized void close() {
        queue.shutDown();
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private void work() {
        while (!queue.isShuttingDown()) {
            Request request;
            try {
                request = queue.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (request == null) {
                return;
            }
            try {
                requeueIfAsked(request, reconcile(request));
            } finally {
                reconciled.incrementAndGet();
                queue.done(request);
            }
        }
    }

    private Result reconcile(Request request) {
        try {
            return reconciler.reconcile(request);
        } catch (RuntimeException e) {
            LOG.warn("{}: reconciling {}/{} failed, retrying with backoff: {}",
                    name, request.getNamespace(), request.getName(), e.toString());
            return new Result(true);
        }
    }

    private void requeueIfAsked(Request request, Result result) {
        if (!result.isRequeue()) {
            queue.forget(request);
        } else if (result.getRequeueAfter() != null) {
            // a chosen delay, not a failure: the next failure backs off from the start again
            queue.forget(request);
            queue.addAfter(request, result.getRequeueAfter());
        } else {
            queue.addRateLimited(request);
        }
    }
}
