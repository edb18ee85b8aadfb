package dev.hookrelay.receiver;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * Metrics in Prometheus' text format, on their own port (hookrelay.metrics.port): Knative
 * routes only the container port from the internet, so the metrics stay inside the cluster.
 */
@Controller(port = "${hookrelay.metrics.port:9090}")
final class MetricsController {
    private final PrometheusMeterRegistry prometheus;

    MetricsController(PrometheusMeterRegistry prometheus) {
        this.prometheus = prometheus;
    }

    @Get(uri = IntakePolicy.METRICS_PATH, produces = MediaType.TEXT_PLAIN)
    String metrics() {
        return prometheus.scrape();
    }
}
