package dev.hookrelay.controller.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request a Provider type makes for an event. Its URI and headers may carry
 * credentials, so it is never logged; {@link #toString()} shows only the method and host.
 */
public record OutboundRequest(String method, URI uri, Map<String, String> headers, byte[] body) {
    public OutboundRequest {
        headers = Map.copyOf(headers);
    }

    public static OutboundRequest json(String method, URI uri, Map<String, String> headers, String json) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "application/json");
        return new OutboundRequest(method, uri, all, json.getBytes(StandardCharsets.UTF_8));
    }

    public static OutboundRequest postJson(URI uri, Map<String, String> headers, String json) {
        return json("POST", uri, headers, json);
    }

    @Override
    public String toString() {
        return method + " " + uri.getScheme() + "://" + uri.getHost();
    }
}
