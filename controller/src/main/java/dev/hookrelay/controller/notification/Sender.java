package dev.hookrelay.controller.notification;

import dev.hookrelay.controller.kube.Threads;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification's requests at most once each, as Flux's notification-controller does:
 * every attempt bounded by the Provider's timeout; connection errors, timeouts, 429 and 5xx
 * retried up to hookrelay.notification.max-retries times with exponential backoff
 * (retry-base-delay doubling, capped at retry-max-delay); any other answer is final. Logs name
 * the Provider and the status, never the URL, a header or the body.
 */
@Context
class Sender {
    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    private final NotificationSettings settings;
    private final NotificationMetrics metrics;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(Threads.named("notification-retries", true));

    Sender(NotificationSettings settings, NotificationMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    /** Sends the requests one after the other; {@code done} runs once, when the last has an outcome. */
    void send(ProviderEndpoint endpoint, List<OutboundRequest> requests, Instant accepted, Runnable done) {
        if (requests.isEmpty()) {
            done.run();
            return;
        }
        attempt(endpoint, requests, 0, 0, accepted, done);
    }

    private void attempt(ProviderEndpoint endpoint, List<OutboundRequest> requests, int index, int attempt,
                         Instant accepted, Runnable done) {
        OutboundRequest request = requests.get(index);
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri()).timeout(endpoint.timeout())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        endpoint.headers().forEach(builder::setHeader);
        request.headers().forEach(builder::setHeader);
        HttpRequest http;
        try {
            http = builder.build();
        } catch (IllegalArgumentException e) {
            LOG.warn("{}: the request cannot be built ({}); check the Provider's headers", endpoint, e.getClass().getSimpleName());
            metrics.failed(endpoint);
            done.run();
            return;
        }
        endpoint.client().sendAsync(http, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            String outcome = error != null ? describe(error) : "HTTP " + response.statusCode();
            if (error == null && response.statusCode() / 100 == 2) {
                if (index + 1 < requests.size()) {
                    attempt(endpoint, requests, index + 1, 0, accepted, done);
                    return;
                }
                metrics.sent(endpoint, Duration.between(accepted, Instant.now()));
                done.run();
            } else if (retriable(error, response) && attempt < settings.getMaxRetries()) {
                metrics.retried(endpoint);
                Duration delay = backoff(attempt);
                LOG.info("{}: {} ({}); retry {} of {} in {} ms", endpoint, outcome, request, attempt + 1,
                        settings.getMaxRetries(), delay.toMillis());
                retries.schedule(() -> attempt(endpoint, requests, index, attempt + 1, accepted, done),
                        delay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("{}: {} ({}); not sent{}", endpoint, outcome, request,
                        attempt > 0 ? " after " + (attempt + 1) + " attempts" : "");
                metrics.failed(endpoint);
                done.run();
            }
        });
    }

    private static boolean retriable(Throwable error, HttpResponse<Void> response) {
        if (error != null) {
            return true;
        }
        int status = response.statusCode();
        return status == 429 || (status >= 500 && status != 501);
    }

    private Duration backoff(int attempt) {
        long base = settings.getRetryBaseDelay().toMillis();
        long delay = base << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(delay, settings.getRetryMaxDelay().toMillis()));
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof HttpTimeoutException ? "timed out" : cause.getClass().getSimpleName();
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
