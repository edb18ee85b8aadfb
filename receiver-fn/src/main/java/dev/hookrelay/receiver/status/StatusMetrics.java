package dev.hookrelay.receiver.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/** Status-write figures: commit latency, batch size, and every request made to write them. */
@Singleton
class StatusMetrics {
    private final MeterRegistry registry;
    private final Timer commitLatency;
    private final DistributionSummary batchSize;
    private final Counter writes;
    private final Counter failedDeliveries;

    StatusMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commitLatency = Timer.builder("hookrelay.status.commit")
                .description("Time from taking a batch to its status write being committed")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("hookrelay.status.batch.size")
                .description("Deliveries merged into one status write").register(registry);
        this.writes = Counter.builder("hookrelay.status.writes")
                .description("Status writes (PATCH requests that committed)").register(registry);
        this.failedDeliveries = Counter.builder("hookrelay.status.failed.deliveries")
                .description("Deliveries answered 503 because their status write failed").register(registry);
    }

    void committed(int deliveries, long nanos) {
        commitLatency.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(deliveries);
    }

    void wrote() {
        writes.increment();
    }

    void failed(int deliveries) {
        failedDeliveries.increment(deliveries);
    }

    /** One request to the API server: GET or PATCH, and its HTTP status (0: no answer). */
    void request(String verb, int code) {
        Counter.builder("hookrelay.status.requests").description("Requests to the API server for the Receiver status")
                .tag("verb", verb).tag("code", Integer.toString(code)).register(registry).increment();
    }
}
