package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1AlertSpec;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.controller.kube.Threads;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes events in (from the intake and from Hookrelay's own objects) into a bounded queue, and
 * routes each to the Providers of the Alerts it matches: with the Alert's eventMetadata and
 * summary added, once per rate-limit interval per identical event and Provider, at most
 * max-in-flight notifications at a time. At most once: nothing is stored, a restart loses
 * what is queued.
 */
@Context
public class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final BlockingQueue<Accepted> queue;
    private final AlertRoutes routes;
    private final ProviderEndpoints endpoints;
    private final DuplicateEvents duplicates;
    private final Notifiers notifiers;
    private final Sender sender;
    private final NotificationMetrics metrics;
    private final Semaphore inFlight;
    private final ExecutorService workers;

    Dispatcher(NotificationSettings settings, AlertRoutes routes, ProviderEndpoints endpoints, DuplicateEvents duplicates,
               Notifiers notifiers, Sender sender, NotificationMetrics metrics) {
        this.queue = new ArrayBlockingQueue<>(settings.getQueueCapacity());
        this.routes = routes;
        this.endpoints = endpoints;
        this.duplicates = duplicates;
        this.notifiers = notifiers;
        this.sender = sender;
        this.metrics = metrics;
        this.inFlight = new Semaphore(settings.getMaxInFlight());
        this.workers = Executors.newFixedThreadPool(settings.getWorkers(), Threads.named("notification-router", true));
        for (int i = 0; i < settings.getWorkers(); i++) {
            workers.submit(this::work);
        }
    }

    /** Queues the event; false when the queue is full (the intake then answers 503). */
    public boolean submit(FluxEvent event) {
        boolean queued = queue.offer(new Accepted(event, Instant.now()));
        if (!queued) {
            metrics.queueFull();
        }
        return queued;
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Accepted accepted = queue.take();
                for (Route route : routes.of(accepted.event())) {
                    dispatch(route, accepted);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("routing an event failed", e);
            }
        }
    }

    private void dispatch(Route route, Accepted accepted) throws InterruptedException {
        V1alpha1Provider provider = route.provider();
        String key = provider.getMetadata().getNamespace() + "/" + provider.getMetadata().getName();
        FluxEvent event = accepted.event().withMetadata(addedMetadata(route));
        if (!duplicates.firstWithinInterval(provider.getMetadata().getUid(), event)) {
            metrics.dropped(key, provider.getSpec().getType(), "duplicate");
            return;
        }
        ProviderEndpoint endpoint;
        List<OutboundRequest> requests;
        try {
            endpoint = endpoints.current(provider);
            requests = notifiers.forType(endpoint.type()).requests(event, endpoint, route.alert());
        } catch (Problem e) {
            LOG.warn("Provider {}: not sent, {}: {}", key, e.reason(), e.getMessage());
            metrics.dropped(key, provider.getSpec().getType(), e.reason());
            return;
        } catch (NotifierException e) {
            LOG.warn("Provider {}: not sent: {}", key, e.getMessage());
            metrics.dropped(key, provider.getSpec().getType(), "not-applicable");
            return;
        }
        inFlight.acquire();
        sender.send(endpoint, requests, accepted.at(), inFlight::release);
    }

    private static Map<String, String> addedMetadata(Route route) {
        V1alpha1AlertSpec spec = route.alert().getSpec();
        Map<String, String> added = new LinkedHashMap<>(spec.getEventMetadata());
        if (spec.getSummary() != null && !spec.getSummary().isEmpty()) {
            added.put("summary", spec.getSummary());
        }
        return added;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private record Accepted(FluxEvent event, Instant at) {
    }
}
