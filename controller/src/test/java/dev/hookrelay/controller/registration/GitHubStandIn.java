package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API for webhooks, as documented: {@code /repos/{owner}/{repo}/hooks} and
 * {@code /orgs/{org}/hooks} (list with per_page, page and Link headers; get, create, update,
 * delete), secrets shown as "********", 401 for unknown tokens, 403 for tokens without
 * admin:repo_hook / admin:org_hook, 404 for unknown repositories, 422 for invalid events; and
 * the GitHub App exchange: a JWT signed by the app's key buys an installation token.
 */
final class GitHubStandIn extends StandIn {
    private static final Pattern HOOKS = Pattern.compile("^/(repos/[^/]+/[^/]+|orgs/[^/]+)/hooks(?:/([^/]+))?$");
    private static final Pattern TOKENS = Pattern.compile("^/app/installations/([^/]+)/access_tokens$");
    private static final Set<String> EVENTS = Set.of("push", "pull_request", "release", "create", "delete",
            "workflow_run", "issues", "issue_comment", "*");

    /** token → scopes ("admin:repo_hook", "admin:org_hook"). */
    private final Map<String, Set<String>> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private String appId;
    private String installationId;
    private PublicKey appKey;
    final AtomicInteger installationTokensIssued = new AtomicInteger();

    void token(String token, String... scopes) {
        tokens.put(token, Set.of(scopes));
    }

    void app(String appId, String installationId, PublicKey key) {
        this.appId = appId;
        this.installationId = installationId;
        this.appKey = key;
    }

    /** The secret a webhook was last given (GitHub never shows it; the test may look). */
    String secretOf(String hookId) {
        return secrets.get(hookId);
    }

    @Override
    Answer authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (TOKENS.matcher(exchange.getRequestURI().getPath()).matches()) {
            return null;
        }
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (token == null || !tokens.containsKey(token)) {
            return Answer.error(401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}");
        }
        return null;
    }

    @Override
    Answer route(String method, URI uri, JsonObject body, HttpExchange exchange) {
        Matcher tokenRequest = TOKENS.matcher(uri.getPath());
        if (tokenRequest.matches()) {
            return installationToken(tokenRequest.group(1), exchange.getRequestHeaders().getFirst("Authorization"));
        }
        Matcher matcher = HOOKS.matcher(uri.getPath());
        if (!matcher.matches() || !hooks.containsKey(matcher.group(1))) {
            return Answer.error(404, "{\"message\":\"Not Found\"}");
        }
        String owner = matcher.group(1);
        String token = exchange.getRequestHeaders().getFirst("Authorization").substring(7);
        String scope = owner.startsWith("orgs/") ? "admin:org_hook" : "admin:repo_hook";
        if (!tokens.get(token).contains(scope)) {
            return new Answer(403, Map.of("X-Accepted-OAuth-Scopes", scope + ", write:" + scope.substring(6)),
                    JsonParser.parseString("{\"message\":\"Resource not accessible by personal access token\"}"));
        }
        Map<String, JsonObject> collection = collection(owner);
        String id = matcher.group(2);
        if (id == null && method.equals("GET")) {
            return list(uri, collection);
        }
        if (id == null && method.equals("POST")) {
            Answer invalid = validate(body);
            if (invalid != null) {
                return invalid;
            }
            String newId = Long.toString(ids.incrementAndGet());
            JsonObject hook = store(newId, body, null);
            collection.put(newId, hook);
            return Answer.of(201, shown(hook));
        }
        JsonObject hook = collection.get(id);
        if (hook == null) {
            return Answer.error(404, "{\"message\":\"Not Found\"}");
        }
        return switch (method) {
            case "GET" -> Answer.of(200, shown(hook));
            case "PATCH" -> {
                Answer invalid = validate(body);
                if (invalid != null) {
                    yield invalid;
                }
                JsonObject updated = store(id, body, hook);
                collection.put(id, updated);
                yield Answer.of(200, shown(updated));
            }
            case "DELETE" -> {
                collection.remove(id);
                yield Answer.of(204, null);
            }
            default -> Answer.error(405, "{\"message\":\"Method Not Allowed\"}");
        };
    }

    /** Adds a webhook as someone did by hand in GitHub's UI. */
    String addByHand(String owner, String url, String secret, String... events) {
        String id = Long.toString(ids.incrementAndGet());
        JsonObject config = new JsonObject();
        config.addProperty("url", url);
        config.addProperty("content_type", "form");
        config.addProperty("insecure_ssl", "1");
        config.addProperty("secret", secret);
        JsonArray eventList = new JsonArray();
        for (String event : events) {
            eventList.add(event);
        }
        JsonObject body = new JsonObject();
        body.add("config", config);
        body.add("events", eventList);
        body.addProperty("active", false);
        collection(owner).put(id, store(id, body, null));
        return id;
    }

    JsonObject hook(String owner, String id) {
        return collection(owner).get(id);
    }

    private Answer list(URI uri, Map<String, JsonObject> collection) {
        Map<String, String> query = query(uri);
        int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        List<JsonObject> all;
        synchronized (collection) {
            all = new ArrayList<>(collection.values());
        }
        JsonArray items = new JsonArray();
        page(all, page, perPage).forEach(h -> items.add(shown(h)));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        String link = page < last ? "<" + baseUrl() + uri.getPath() + "?per_page=" + perPage + "&page=" + (page + 1)
                + ">; rel=\"next\", <" + baseUrl() + uri.getPath() + "?per_page=" + perPage + "&page=" + last
                + ">; rel=\"last\"" : null;
        return new Answer(200, link == null ? Map.of() : Map.of("Link", link), items);
    }

    private static Answer validate(JsonObject body) {
        if (body.has("events")) {
            for (var event : body.getAsJsonArray("events")) {
                if (!EVENTS.contains(event.getAsString())) {
                    return Answer.error(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Hook\","
                            + "\"code\":\"custom\",\"message\":\"" + event.getAsString() + " is not a valid event name\"}],"
                            + "\"documentation_url\":\"https://docs.github.com/rest/repos/webhooks\"}");
                }
            }
        }
        return null;
    }

    private JsonObject store(String id, JsonObject request, JsonObject before) {
        JsonObject hook = before == null ? new JsonObject() : before.deepCopy();
        hook.addProperty("id", Long.parseLong(id));
        hook.addProperty("type", "Repository");
        hook.addProperty("name", "web");
        if (request.has("active") || before == null) {
            hook.addProperty("active", !request.has("active") || request.get("active").getAsBoolean());
        }
        if (request.has("events")) {
            hook.add("events", request.get("events"));
        } else if (before == null) {
            JsonArray push = new JsonArray();
            push.add("push");
            hook.add("events", push);
        }
        if (request.has("config")) {
            JsonObject config = request.getAsJsonObject("config").deepCopy();
            if (config.has("secret")) {
                secrets.put(id, config.get("secret").getAsString());
                config.remove("secret");
            }
            hook.add("config", config);
        }
        return hook;
    }

    private JsonObject shown(JsonObject hook) {
        JsonObject shown = hook.deepCopy();
        if (secrets.containsKey(hook.get("id").getAsString())) {
            shown.getAsJsonObject("config").addProperty("secret", "********");
        }
        return shown;
    }

    /** Checks the app's JWT (RS256 with the app's public key, issuer, at most 10 minutes) and issues a token for an hour. */
    private Answer installationToken(String installation, String authorization) {
        if (appKey == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return Answer.error(401, "{\"message\":\"A JSON web token could not be decoded\"}");
        }
        String[] parts = authorization.substring(7).split("\\.");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(appKey);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Answer.error(401, "{\"message\":\"A JSON web token could not be decoded\"}");
            }
        } catch (Exception e) {
            return Answer.error(401, "{\"message\":\"A JSON web token could not be decoded\"}");
        }
        JsonObject header = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[0]),
                StandardCharsets.UTF_8)).getAsJsonObject();
        JsonObject claims = JsonParser.parseString(new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8)).getAsJsonObject();
        long now = Instant.now().getEpochSecond();
        if (!"RS256".equals(header.get("alg").getAsString()) || !appId.equals(claims.get("iss").getAsString())
                || claims.get("exp").getAsLong() - claims.get("iat").getAsLong() > 600
                || claims.get("exp").getAsLong() < now || claims.get("iat").getAsLong() > now + 60) {
            return Answer.error(401, "{\"message\":\"'Expiration time' claim ('exp') is too far in the future\"}");
        }
        if (!installationId.equals(installation)) {
            return Answer.error(404, "{\"message\":\"Not Found\"}");
        }
        String token = "ghs_" + java.util.UUID.randomUUID().toString().replace("-", "");
        token(token, "admin:repo_hook", "admin:org_hook");
        installationTokensIssued.incrementAndGet();
        JsonObject answer = new JsonObject();
        answer.addProperty("token", token);
        answer.addProperty("expires_at", Instant.now().plusSeconds(3600).toString());
        return Answer.of(201, answer);
    }
}
