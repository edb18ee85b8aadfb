package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bitbucket Cloud: {@code /repositories/{workspace}/{repo}/hooks}, pages linked by {@code next},
 * webhooks named by a {uuid}. With a secret, Bitbucket signs deliveries (X-Hub-Signature); it
 * reports only {@code secret_set}.
 */
final class BitbucketHooks implements HookApi {
    static final String SCOPES = "the webhook scope (a repository or workspace access token), or read:webhook:bitbucket"
            + " and write:webhook:bitbucket (an API token, with `username` set to your Atlassian account email),"
            + " and admin rights on the repository";

    private final ProviderHttp http;
    private final String base;

    BitbucketHooks(ProviderHttp http, HookLocation location) {
        this.http = http;
        this.base = "/repositories/" + Paths.segment(location.workspace()) + "/" + Paths.segment(location.repository())
                + "/hooks";
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        return receiverEvents.isEmpty() ? Set.of("repo:push") : new LinkedHashSet<>(receiverEvents);
    }

    @Override
    public Optional<Hook> get(String id) {
        return http.find(base + "/" + Paths.segment(id)).map(BitbucketHooks::hook);
    }

    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        URI next = http.uri(base + "?pagelen=100");
        while (next != null) {
            JsonObject page = http.send("GET", next, null).body().getAsJsonObject();
            page.getAsJsonArray("values").forEach(v -> hooks.add(hook(v.getAsJsonObject())));
            JsonElement link = page.get("next");
            next = link == null || link.isJsonNull() ? null : URI.create(link.getAsString());
        }
        return hooks;
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
        JsonObject body = new JsonObject();
        body.addProperty("description", "Hookrelay");
        body.addProperty("url", desired.url());
        body.addProperty("active", true);
        body.addProperty("secret", desired.secret());
        body.addProperty("skip_cert_verification", false);
        body.add("events", events);
        return body;
    }

    private static Hook hook(JsonObject json) {
        Set<String> events = new LinkedHashSet<>();
        json.getAsJsonArray("events").forEach(e -> events.add(e.getAsString()));
        return new Hook(json.get("uuid").getAsString(), Json.text(json, "url"), events, Json.flag(json, "active", false),
                true, !Json.flag(json, "skip_cert_verification", false), Json.flag(json, "secret_set", false));
    }
}
