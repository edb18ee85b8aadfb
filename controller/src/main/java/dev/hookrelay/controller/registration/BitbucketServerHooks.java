package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bitbucket Server and Data Center: {@code /projects/{key}/repos/{slug}/webhooks}, pages by
 * {@code start}/{@code nextPageStart}; the secret goes into {@code configuration.secret} and
 * signs deliveries (X-Hub-Signature). Its "Test connection" ping cannot be subscribed to.
 */
final class BitbucketServerHooks implements HookApi {
    static final String SCOPES = "repository admin permission (an HTTP access token with Repository admin)";
    private static final String PING = "diagnostics:ping";

    private final ProviderHttp http;
    private final String base;

    BitbucketServerHooks(ProviderHttp http, HookLocation location) {
        this.http = http;
        this.base = "/projects/" + Paths.segment(location.project()) + "/repos/" + Paths.segment(location.repository())
                + "/webhooks";
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        Set<String> events = new LinkedHashSet<>(receiverEvents);
        events.remove(PING);
        return events.isEmpty() ? Set.of("repo:refs_changed") : events;
    }

    @Override
    public Optional<Hook> get(String id) {
        return http.find(base + "/" + Paths.segment(id)).map(BitbucketServerHooks::hook);
    }

    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        long start = 0;
        while (true) {
            JsonObject page = http.send("GET", base + "?limit=100&start=" + start, null).body().getAsJsonObject();
            page.getAsJsonArray("values").forEach(v -> hooks.add(hook(v.getAsJsonObject())));
            if (Json.flag(page, "isLastPage", true) || !page.has("nextPageStart")) {
                return hooks;
            }
            start = page.get("nextPageStart").getAsLong();
        }
    }

    @Override
    public Hook create(DesiredHook desired) {
        return hook(http.send("POST", base, body(desired)).body().getAsJsonObject());
    }

    @Override
    public Hook update(String id, DesiredHook desired) {
        return hook(http.send("PUT", base + "/" + Paths.segment(id), body(desired)).body().getAsJsonObject());
    }

    @Override
    public void delete(String id) {
        http.deleteIfPresent(base + "/" + Paths.segment(id));
    }

    private static JsonObject body(DesiredHook desired) {
        JsonArray events = new JsonArray();
        desired.events().forEach(events::add);
        JsonObject configuration = new JsonObject();
        configuration.addProperty("secret", desired.secret());
        JsonObject body = new JsonObject();
        body.addProperty("name", "Hookrelay");
        body.addProperty("url", desired.url());
        body.addProperty("active", true);
        body.add("events", events);
        body.add("configuration", configuration);
        return body;
    }

    private static Hook hook(JsonObject json) {
        Set<String> events = new LinkedHashSet<>();
        json.getAsJsonArray("events").forEach(e -> events.add(e.getAsString()));
        return new Hook(json.get("id").getAsString(), Json.text(json, "url"), events, Json.flag(json, "active", false),
                true, true, null);
    }
}
