package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitbucket's webhook APIs, as documented. Cloud (2.0): {@code /repositories/{workspace}/{slug}/hooks},
 * webhooks named by {uuid}, pages of {@code pagelen} linked by {@code next}, {@code secret_set}.
 * Server and Data Center (1.0): {@code /projects/{key}/repos/{slug}/webhooks}, numeric ids, pages
 * by {@code start}, {@code isLastPage} and {@code nextPageStart}, the secret in configuration.
 * Both take a Bearer token.
 */
final class BitbucketStandIn extends StandIn {
    private static final Pattern CLOUD = Pattern.compile("^/2\\.0/repositories/([^/]+)/([^/]+)/hooks(?:/([^/]+))?$");
    private static final Pattern SERVER = Pattern.compile(
            "^/rest/api/1\\.0/projects/([^/]+)/repos/([^/]+)/webhooks(?:/([^/]+))?$");

    private final String token;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    BitbucketStandIn(String token) {
        this.token = token;
    }

    String cloudApi() {
        return baseUrl() + "/2.0";
    }

    String serverApi() {
        return baseUrl() + "/rest/api/1.0";
    }

    String secretOf(String id) {
        return secrets.get(id);
    }

    @Override
    Answer authenticate(HttpExchange exchange) {
        return ("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization")) ? null
                : Answer.error(401, "{\"type\":\"error\",\"error\":{\"message\":\"Token is invalid or not supported\"}}");
    }

    @Override
    Answer route(String method, URI uri, JsonObject body, HttpExchange exchange) {
        Matcher cloud = CLOUD.matcher(uri.getPath());
        Matcher server = SERVER.matcher(uri.getPath());
        boolean isCloud = cloud.matches();
        Matcher matcher = isCloud ? cloud : server;
        if (!isCloud && !server.matches()) {
            return Answer.error(404, "{\"errors\":[{\"message\":\"Not found\"}]}");
        }
        String owner = (isCloud ? "cloud/" : "server/") + matcher.group(1) + "/" + matcher.group(2);
        if (!hooks.containsKey(owner)) {
            return isCloud ? Answer.error(404, "{\"type\":\"error\",\"error\":{\"message\":\"Repository not found\"}}")
                    : Answer.error(404, "{\"errors\":[{\"message\":\"Repository " + matcher.group(2) + " does not exist.\"}]}");
        }
        Map<String, JsonObject> collection = collection(owner);
        String id = matcher.group(3);
        if (id == null && method.equals("GET")) {
            return isCloud ? cloudPage(uri, collection) : serverPage(uri, collection);
        }
        if (id == null && method.equals("POST")) {
            String newId = isCloud ? "{" + java.util.UUID.randomUUID() + "}" : Long.toString(ids.incrementAndGet());
            collection.put(newId, store(isCloud, newId, body));
            return Answer.of(201, collection.get(newId));
        }
        JsonObject hook = collection.get(id);
        if (hook == null) {
            return Answer.error(404, "{\"type\":\"error\",\"error\":{\"message\":\"Webhook not found\"}}");
        }
        return switch (method) {
            case "GET" -> Answer.of(200, hook);
            case "PUT" -> {
                collection.put(id, store(isCloud, id, body));
                yield Answer.of(200, collection.get(id));
            }
            case "DELETE" -> {
                collection.remove(id);
                yield Answer.of(204, null);
            }
            default -> Answer.error(405, "{\"errors\":[{\"message\":\"Method not allowed\"}]}");
        };
    }

    /** A webhook someone added in Bitbucket's UI; {@code owner} is "cloud/ws/slug" or "server/KEY/slug". */
    String addByHand(String owner, String url) {
        boolean isCloud = owner.startsWith("cloud/");
        String id = isCloud ? "{" + java.util.UUID.randomUUID() + "}" : Long.toString(ids.incrementAndGet());
        JsonObject body = new JsonObject();
        body.addProperty("url", url);
        body.addProperty("active", false);
        JsonArray events = new JsonArray();
        events.add(isCloud ? "issue:created" : "pr:opened");
        body.add("events", events);
        collection(owner).put(id, store(isCloud, id, body));
        return id;
    }

    private JsonObject store(boolean isCloud, String id, JsonObject request) {
        JsonObject hook = request.deepCopy();
        if (isCloud) {
            hook.addProperty("uuid", id);
            if (hook.has("secret")) {
                secrets.put(id, hook.remove("secret").getAsString());
            }
            hook.addProperty("secret_set", secrets.containsKey(id));
        } else {
            hook.addProperty("id", Long.parseLong(id));
            JsonObject configuration = hook.has("configuration") ? hook.getAsJsonObject("configuration") : new JsonObject();
            if (configuration.has("secret")) {
                secrets.put(id, configuration.remove("secret").getAsString());
            }
            hook.add("configuration", configuration);
        }
        return hook;
    }

    private Answer cloudPage(URI uri, Map<String, JsonObject> collection) {
        Map<String, String> query = query(uri);
        int size = Math.min(100, Integer.parseInt(query.getOrDefault("pagelen", "10")));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        List<JsonObject> all = snapshot(collection);
        JsonObject answer = new JsonObject();
        JsonArray values = new JsonArray();
        page(all, page, size).forEach(values::add);
        answer.add("values", values);
        answer.addProperty("pagelen", size);
        answer.addProperty("page", page);
        answer.addProperty("size", all.size());
        if (page * size < all.size()) {
            answer.addProperty("next", baseUrl() + uri.getPath() + "?pagelen=" + size + "&page=" + (page + 1));
        }
        return Answer.of(200, answer);
    }

    private Answer serverPage(URI uri, Map<String, JsonObject> collection) {
        Map<String, String> query = query(uri);
        int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "25")));
        int start = Integer.parseInt(query.getOrDefault("start", "0"));
        List<JsonObject> all = snapshot(collection);
        JsonObject answer = new JsonObject();
        JsonArray values = new JsonArray();
        all.subList(Math.min(start, all.size()), Math.min(all.size(), start + limit)).forEach(values::add);
        answer.add("values", values);
        answer.addProperty("size", values.size());
        answer.addProperty("limit", limit);
        answer.addProperty("start", start);
        boolean last = start + limit >= all.size();
        answer.addProperty("isLastPage", last);
        if (!last) {
            answer.addProperty("nextPageStart", start + limit);
        }
        return Answer.of(200, answer);
    }

    private static List<JsonObject> snapshot(Map<String, JsonObject> collection) {
        synchronized (collection) {
            return new ArrayList<>(collection.values());
        }
    }
}
