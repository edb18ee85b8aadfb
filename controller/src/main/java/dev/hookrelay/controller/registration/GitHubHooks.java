package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GitHub (and GitHub Enterprise Server): {@code /repos/{owner}/{repo}/hooks} and
 * {@code /orgs/{org}/hooks}; a "web" hook with a JSON content type, TLS verification on and the
 * token as secret (X-Hub-Signature-256). GitHub shows a secret as "********" and never its value.
 */
final class GitHubHooks implements HookApi {
    private static final String PING = "ping";

    private final ProviderHttp http;
    private final String base;

    GitHubHooks(ProviderHttp http, HookLocation location) {
        this.http = http;
        this.base = location.repository() != null ? "/repos/" + Paths.segments(location.repository()) + "/hooks"
                : "/orgs/" + Paths.segment(location.organization()) + "/hooks";
    }

    static String scopes(HookLocation location) {
        return location.repository() != null
                ? "the admin:repo_hook scope (classic token) or the Webhooks repository permission, read and write"
                  + " (fine-grained token or GitHub App)"
                : "the admin:org_hook scope (classic token) or the Webhooks organization permission, read and write"
                  + " (fine-grained token or GitHub App)";
    }

    /** GitHub sends ping by itself to every new webhook; it cannot be subscribed to. */
    @Override
    public Set<String> events(List<String> receiverEvents) {
        Set<String> events = new LinkedHashSet<>(receiverEvents);
        events.remove(PING);
        return events.isEmpty() ? Set.of("push") : events;
    }

    @Override
    public Optional<Hook> get(String id) {
        return http.find(base + "/" + Paths.segment(id)).map(GitHubHooks::hook);
    }

    @Override
    public List<Hook> list() {
        return http.pages(base + "?per_page=100").stream().map(GitHubHooks::hook).toList();
    }

    @Override
    public Hook create(DesiredHook desired) {
        JsonObject body = body(desired);
        body.addProperty("name", "web");
        return hook(http.send("POST", base, body).body().getAsJsonObject());
    }

    @Override
    public Hook update(String id, DesiredHook desired) {
        return hook(http.send("PATCH", base + "/" + Paths.segment(id), body(desired)).body().getAsJsonObject());
    }

    @Override
    public void delete(String id) {
        http.deleteIfPresent(base + "/" + Paths.segment(id));
    }

    private static JsonObject body(DesiredHook desired) {
        JsonObject config = new JsonObject();
        config.addProperty("url", desired.url());
        config.addProperty("content_type", "json");
        config.addProperty("insecure_ssl", "0");
        config.addProperty("secret", desired.secret());
        JsonArray events = new JsonArray();
        desired.events().forEach(events::add);
        JsonObject body = new JsonObject();
        body.add("config", config);
        body.add("events", events);
        body.addProperty("active", true);
        return body;
    }

    private static Hook hook(JsonObject json) {
        JsonObject config = json.getAsJsonObject("config");
        Set<String> events = new LinkedHashSet<>();
        json.getAsJsonArray("events").forEach(e -> events.add(e.getAsString()));
        return new Hook(json.get("id").getAsString(), Json.text(config, "url"), events, Json.flag(json, "active", false),
                "json".equals(Json.text(config, "content_type")), !"1".equals(Json.text(config, "insecure_ssl")),
                !Json.text(config, "secret").isEmpty());
    }
}
