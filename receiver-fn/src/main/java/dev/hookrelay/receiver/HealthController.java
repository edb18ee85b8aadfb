package dev.hookrelay.receiver;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;

/** Readiness for Knative's probe, and metrics in Prometheus' text format. */
@AsFunction
@Controller
final class HealthController {
    private final PrometheusMeterRegistry prometheus;

    HealthController(PrometheusMeterRegistry prometheus) {
        this.prometheus = prometheus;
    }

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    Map<String, String> health() {
        return Map.of("status", "UP");
    }

    @Get(uri = "/metrics", produces = MediaType.TEXT_PLAIN)
    String metrics() {
        return prometheus.scrape();
    }
}
