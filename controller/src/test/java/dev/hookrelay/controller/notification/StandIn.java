package dev.hookrelay.controller.notification;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookrelay.testing.Eventually;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local HTTP server standing in for a chat, forge or incident API: it records every request
 * and answers from a script (200 once the script is used up).
 */
final class StandIn implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();

    StandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers, in order: a status, after a delay. */
    StandIn answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    List<Recorded> awaitRequests(int count) {
        return Eventually.await(count + " requests at the stand-in", TIMEOUT,
                () -> requests.size() >= count ? requests() : null);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            requests.add(new Recorded(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), arrived));
            Answer answer = script.poll();
            if (answer == null) {
                answer = new Answer(200, 0);
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Answer(int status, long delayMillis) {
        static Answer status(int status) {
            return new Answer(status, 0);
        }
    }

    /** One request as it arrived; {@code arrivedNanos} is System.nanoTime() at its arrival. */
    record Recorded(String method, String path, Map<String, String> headers, String body, long arrivedNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonElement json() {
            return JsonParser.parseString(body);
        }
    }
}
