package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitLab's REST API for project and group webhooks (v4), as documented: {@code PRIVATE-TOKEN},
 * ids or URL-encoded paths, one flag per event (push_events defaults to true), the token never
 * returned, pagination with per_page, page, X-Next-Page and Link headers, PUT to update.
 */
final class GitLabStandIn extends StandIn {
    private static final Pattern HOOKS = Pattern.compile("^/api/v4/(projects|groups)/([^/]+)/hooks(?:/([^/]+))?$");

    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    String apiUrl() {
        return baseUrl() + "/api/v4";
    }

    void token(String token) {
        tokens.put(token, "api");
    }

    String secretOf(String id) {
        return secrets.get(id);
    }

    @Override
    Answer authenticate(HttpExchange exchange) {
        String token = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
        return token != null && tokens.containsKey(token) ? null : Answer.error(401, "{\"message\":\"401 Unauthorized\"}");
    }

    @Override
    Answer route(String method, URI uri, JsonObject body, HttpExchange exchange) {
        Matcher matcher = HOOKS.matcher(uri.getRawPath());
        String owner = matcher.matches() ? matcher.group(1) + "/" + java.net.URLDecoder.decode(matcher.group(2),
                java.nio.charset.StandardCharsets.UTF_8) : null;
        if (owner == null || !hooks.containsKey(owner)) {
            return Answer.error(404, "{\"message\":\"404 Project Not Found\"}");
        }
        Map<String, JsonObject> collection = collection(owner);
        String id = matcher.group(3);
        if (id == null && method.equals("GET")) {
            Map<String, String> query = query(uri);
            int perPage = Integer.parseInt(query.getOrDefault("per_page", "20"));
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            List<JsonObject> all;
            synchronized (collection) {
                all = new ArrayList<>(collection.values());
            }
            JsonArray items = new JsonArray();
            page(all, page, perPage).forEach(items::add);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Total", Integer.toString(all.size()));
            if (page * perPage < all.size()) {
                headers.put("X-Next-Page", Integer.toString(page + 1));
                headers.put("Link", "<" + baseUrl() + uri.getRawPath() + "?page=" + (page + 1) + "&per_page=" + perPage
                        + ">; rel=\"next\"");
            }
            return new Answer(200, headers, items);
        }
        if (id == null && method.equals("POST")) {
            String newId = Long.toString(ids.incrementAndGet());
            collection.put(newId, store(newId, body, null));
            return Answer.of(201, collection.get(newId));
        }
        JsonObject hook = collection.get(id);
        if (hook == null) {
            return Answer.error(404, "{\"message\":\"404 Not found\"}");
        }
        return switch (method) {
            case "GET" -> Answer.of(200, hook);
            case "PUT" -> {
                collection.put(id, store(id, body, hook));
                yield Answer.of(200, collection.get(id));
            }
            case "DELETE" -> {
                collection.remove(id);
                yield Answer.of(204, null);
            }
            default -> Answer.error(405, "{\"message\":\"405 Method Not Allowed\"}");
        };
    }

    /** A hook as someone added it in GitLab's UI. */
    String addByHand(String owner, String url) {
        String id = Long.toString(ids.incrementAndGet());
        JsonObject body = new JsonObject();
        body.addProperty("url", url);
        body.addProperty("enable_ssl_verification", false);
        collection(owner).put(id, store(id, body, null));
        return id;
    }

    JsonObject hook(String owner, String id) {
        return collection(owner).get(id);
    }

    private JsonObject store(String id, JsonObject request, JsonObject before) {
        JsonObject hook = before == null ? new JsonObject() : before.deepCopy();
        hook.addProperty("id", Long.parseLong(id));
        if (before == null) {
            hook.addProperty("push_events", true);
            hook.addProperty("enable_ssl_verification", true);
            hook.addProperty("alert_status", "executable");
        }
        for (String key : request.keySet()) {
            if (key.equals("token")) {
                secrets.put(id, request.get(key).getAsString());
            } else {
                hook.add(key, request.get(key));
            }
        }
        return hook;
    }
}
