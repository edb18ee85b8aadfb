package dev.hookrelay.controller;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** Liveness and readiness for the Deployment's probes. */
@Controller
final class HealthEndpoint {

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
