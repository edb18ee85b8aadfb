package dev.hookrelay.receiver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/** Deliveries accepted (recorded, duplicate, ignored) and rejected by reason. */
@Singleton
class DeliveryMetrics {
    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(String outcome) {
        Counter.builder("hookrelay.deliveries.accepted").tag("outcome", outcome).register(registry).increment();
    }

    void rejected(Rejection rejection) {
        Counter.builder("hookrelay.deliveries.rejected").tag("reason", rejection.metricName())
                .register(registry).increment();
    }
}
