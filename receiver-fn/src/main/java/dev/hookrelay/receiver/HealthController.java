package dev.hookrelay.receiver;

import dev.hookrelay.receiver.status.StatusWriter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
    private final StatusWriter statusWriter;

    HealthController(PrometheusMeterRegistry prometheus, StatusWriter statusWriter) {
        this.prometheus = prometheus;
        this.statusWriter = statusWriter;
    }

    /** DOWN once nothing can be recorded any more (the status writer died; the process is exiting). */
    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> health() {
        return statusWriter.alive()
                ? HttpResponse.ok(Map.of("status", "UP"))
                : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }

    @Get(uri = "/metrics", produces = MediaType.TEXT_PLAIN)
    String metrics() {
        return prometheus.scrape();
    }
}
