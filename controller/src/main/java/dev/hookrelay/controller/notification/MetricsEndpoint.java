package dev.hookrelay.controller.notification;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Prometheus text of the controller's metrics, notifications per Provider among them. */
@Controller
final class MetricsEndpoint {
    private final PrometheusMeterRegistry prometheus;

    MetricsEndpoint(PrometheusMeterRegistry prometheus) {
        this.prometheus = prometheus;
    }

    @Get(uri = "/metrics", produces = MediaType.TEXT_PLAIN)
    String metrics() {
        return prometheus.scrape();
    }
}
