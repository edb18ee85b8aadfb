package dev.hookrelay.receiver;

import dev.hookrelay.receiver.status.StatusWriter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Map;

/** Readiness for Knative's probe. */
@Controller
final class HealthController {
    private final StatusWriter statusWriter;

    HealthController(StatusWriter statusWriter) {
        this.statusWriter = statusWriter;
    }

    /** DOWN once nothing can be recorded any more (the status writer died; the process is exiting). */
    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> health() {
        return statusWriter.alive()
                ? HttpResponse.ok(Map.of("status", "UP"))
                : HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
    }
}
