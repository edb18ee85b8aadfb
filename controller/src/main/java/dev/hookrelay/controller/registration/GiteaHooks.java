package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gitea, Forgejo and Gogs: {@code /repos/{owner}/{repo}/hooks} and {@code /orgs/{org}/hooks}, a
 * webhook of type gitea (gogs for Gogs) with a JSON content type; they sign each delivery with
 * the secret (X-Gitea-Signature and relatives). Their edit API cannot change a secret.
 */
final class GiteaHooks implements HookApi {
    private static final int PAGE_SIZE = 50;

    private final ProviderHttp http;
    private final String hookType;
    private final String base;

    GiteaHooks(ProviderHttp http, String type, HookLocation location) {
        this.http = http;
        this.hookType = "gogs".equals(type) ? "gogs" : "gitea";
        this.base = location.repository() != null ? "/repos/" + Paths.segments(location.repository()) + "/hooks"
                : "/orgs/" + Paths.segment(location.organization()) + "/hooks";
    }

    /** The scopes a token needs, for 403 answers. */
    static String scopes(HookLocation location) {
        return location.repository() != null
                ? "the write:repository scope and admin rights on the repository"
                : "the write:organization scope and owner rights in the organization";
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        return receiverEvents.isEmpty() ? Set.of("push") : new LinkedHashSet<>(receiverEvents);
    }

    @Override
    public Optional<Hook> get(String id) {
        return http.find(base + "/" + Paths.segment(id)).map(GiteaHooks::hook);
    }

    /**
     * Page by page: Gitea 1.27 sends a Link header with organization webhooks but only
     * X-Total-Count with repository ones; Gogs sends all at once with neither.
     */
    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        for (int page = 1; ; page++) {
            ProviderHttp.Response response = http.send("GET", base + "?limit=" + PAGE_SIZE + "&page=" + page, null);
            JsonArray items = response.body().getAsJsonArray();
            items.forEach(item -> hooks.add(hook(item.getAsJsonObject())));
            long total = response.headers().firstValueAsLong("X-Total-Count").orElse(-1);
            if (items.isEmpty() || (response.nextLink().isEmpty() && total <= hooks.size())) {
                return hooks;
            }
        }
    }

    @Override
    public Hook create(DesiredHook desired) {
        JsonObject body = body(desired);
        body.addProperty("type", hookType);
        body.getAsJsonObject("config").addProperty("secret", desired.secret());
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

    @Override
    public boolean updatesSecret() {
        return false;
    }

    private static JsonObject body(DesiredHook desired) {
        JsonObject config = new JsonObject();
        config.addProperty("url", desired.url());
        config.addProperty("content_type", "json");
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
        return new Hook(json.get("id").getAsString(), Json.text(config, "url"), events,
                json.get("active").getAsBoolean(), "json".equals(Json.text(config, "content_type")), true, null);
    }
}
