package dev.hookrelay.controller.registration;

import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * GitHub (and GitHub Enterprise Server): {@code /repos/{owner}/{repo}/hooks} and
 * {@code /orgs/{org}/hooks}; a "web" hook with a JSON content type, TLS verification on and the
 * token as secret (X-Hub-Signature-256). GitHub shows a secret as "********" and never its value.
 */
final class GitHubHooks extends RestHookApi {
    private static final String PING = "ping";

    GitHubHooks(ProviderHttp http, HookLocation location) {
        super(http, location.repository() != null ? "/repos/" + Paths.segments(location.repository()) + "/hooks"
                : "/orgs/" + Paths.segment(location.organization()) + "/hooks", "PATCH");
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
    public List<Hook> list() {
        return http.pages(collection + "?per_page=100").stream().map(this::hook).toList();
    }

    @Override
    JsonObject body(DesiredHook desired, boolean creating) {
        JsonObject config = new JsonObject();
        config.addProperty("url", desired.url());
        config.addProperty("content_type", "json");
        config.addProperty("insecure_ssl", "0");
        config.addProperty("secret", desired.secret());
        JsonObject body = new JsonObject();
        body.add("config", config);
        body.add("events", array(desired.events()));
        body.addProperty("active", true);
        if (creating) {
            body.addProperty("name", "web");
        }
        return body;
    }

    @Override
    Hook hook(JsonObject json) {
        JsonObject config = json.getAsJsonObject("config");
        return new Hook(json.get("id").getAsString(), Json.text(config, "url"), strings(json.getAsJsonArray("events")),
                Json.flag(json, "active", false),
                "json".equals(Json.text(config, "content_type")), !"1".equals(Json.text(config, "insecure_ssl")),
                !Json.text(config, "secret").isEmpty());
    }
}
