package dev.hookrelay.controller.registration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that answers like one provider's documented REST API for webhooks: the
 * subclass routes, this holds the webhooks, records every request, and answers queued failures
 * first (a status, headers and body, as the provider would send them).
 */
abstract class StandIn implements AutoCloseable {
    /** A request as it arrived. */
    record Seen(String method, String path, Instant at, Map<String, List<String>> headers) {
    }

    /** An answer: status, headers, JSON body (null for none). */
    record Answer(int status, Map<String, String> headers, JsonElement body) {
        static Answer of(int status, JsonElement body) {
            return new Answer(status, Map.of(), body);
        }

        static Answer error(int status, String json) {
            return new Answer(status, Map.of(), JsonParser.parseString(json));
        }
    }

    private final HttpServer server;
    private final Deque<Answer> failures = new ArrayDeque<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    /** Webhooks by id, per collection path (a repository's or an organization's). */
    protected final Map<String, Map<String, JsonObject>> hooks = Collections.synchronizedMap(new LinkedHashMap<>());
    protected final AtomicLong ids = new AtomicLong(1000);

    StandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next request gets this answer instead of the real one. */
    synchronized void failNext(Answer answer) {
        failures.add(answer);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The webhooks of one collection, creating it (an existing repository, organization, group, project). */
    Map<String, JsonObject> collection(String path) {
        return hooks.computeIfAbsent(path, p -> Collections.synchronizedMap(new LinkedHashMap<>()));
    }

    /** Whether the request carries credentials this provider accepts; null if yes, else the error answer. */
    abstract Answer authenticate(HttpExchange exchange);

    abstract Answer route(String method, URI uri, JsonObject body, HttpExchange exchange);

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), Instant.now(),
                    Map.copyOf(exchange.getRequestHeaders())));
            String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonObject body = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
            Answer answer;
            synchronized (this) {
                answer = failures.poll();
            }
            if (answer == null) {
                answer = authenticate(exchange);
            }
            if (answer == null) {
                answer = route(exchange.getRequestMethod(), exchange.getRequestURI(), body, exchange);
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** Query parameters of a request. */
    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    /** One page of a list: {@code page} from 1, {@code size} items. */
    static <T> List<T> page(List<T> all, int page, int size) {
        int from = Math.min(all.size(), (page - 1) * size);
        return all.subList(from, Math.min(all.size(), from + size));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
