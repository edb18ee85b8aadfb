package dev.hookrelay.controller.notification;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookrelay.controller.kube.Threads;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event intake: what Flux's controllers POST to their --events-addr, on its own port
 * (hookrelay.notification.port), which the install exposes as the Service hookrelay-events.
 * 202 once the event is queued; 400 naming the field that is wrong; 413 over the size limit;
 * 503 with Retry-After while the queue is full. Runs on every replica; each dispatches what it receives.
 */
@Context
public class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);
    private static final int THREADS = 4;

    private final Dispatcher dispatcher;
    private final int maxBytes;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, Threads.named("event-intake", true));

    EventIntake(Dispatcher dispatcher, NotificationSettings settings) throws IOException {
        this.dispatcher = dispatcher;
        this.maxBytes = settings.getMaxEventBytes();
        this.server = HttpServer.create(new InetSocketAddress(settings.getPort()), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
        LOG.info("event intake listening on port {}", port());
    }

    /** The port the intake listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                reply(exchange, 405, "error", "POST a Flux event as JSON");
                return;
            }
            byte[] body = read(exchange.getRequestBody());
            if (body == null) {
                reply(exchange, 413, "error", "the event is larger than " + maxBytes + " bytes");
                return;
            }
            FluxEvent event;
            try {
                event = FluxEventJson.parse(body);
            } catch (MalformedEventException e) {
                reply(exchange, 400, "error", e.getMessage());
                return;
            }
            if (!dispatcher.submit(event)) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                reply(exchange, 503, "error", "the event queue is full; retry later");
                return;
            }
            reply(exchange, 202, "status", "accepted");
        }
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        return body.length > maxBytes ? null : body;
    }

    private static void reply(HttpExchange exchange, int status, String key, String text) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty(key, text);
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @PreDestroy
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }
}
