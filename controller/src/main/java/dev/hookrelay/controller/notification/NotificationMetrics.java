package dev.hookrelay.controller.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Per Provider (namespace/name and type): notifications sent, failed (given up), retried,
 * dropped (by reason), and the time from the event's acceptance to its delivery; and events
 * the intake refused because its queue was full.
 */
@Singleton
class NotificationMetrics {
    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(ProviderEndpoint endpoint, Duration sinceAccepted) {
        counter("hookrelay.notifications.sent", endpoint).increment();
        Timer.builder("hookrelay.notification.latency").tag("provider", endpoint.key()).tag("type", endpoint.type())
                .publishPercentiles(0.5, 0.99).register(registry).record(sinceAccepted);
    }

    void failed(ProviderEndpoint endpoint) {
        counter("hookrelay.notifications.failed", endpoint).increment();
    }

    void retried(ProviderEndpoint endpoint) {
        counter("hookrelay.notifications.retried", endpoint).increment();
    }

    void dropped(String provider, String type, String reason) {
        Counter.builder("hookrelay.notifications.dropped").tag("provider", provider).tag("type", type)
                .tag("reason", reason).register(registry).increment();
    }

    void queueFull() {
        Counter.builder("hookrelay.events.refused").tag("reason", "queue-full").register(registry).increment();
    }

    private Counter counter(String name, ProviderEndpoint endpoint) {
        return Counter.builder(name).tag("provider", endpoint.key()).tag("type", endpoint.type()).register(registry);
    }
}
