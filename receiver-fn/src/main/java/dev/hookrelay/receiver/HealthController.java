package dev.hookrelay.receiver;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** Readiness for Knative's probe. */
@AsFunction
@Controller
final class HealthController {

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
