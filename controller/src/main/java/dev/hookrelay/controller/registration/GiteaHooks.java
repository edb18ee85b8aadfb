package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Gitea, Forgejo and Gogs: {@code /repos/{owner}/{repo}/hooks} and {@code /orgs/{org}/hooks}, a
 * webhook of type gitea (gogs for Gogs) with a JSON content type; they sign each delivery with
 * the secret (X-Gitea-Signature and relatives). Their edit API cannot change a secret.
 */
final class GiteaHooks extends RestHookApi {
    private static final int PAGE_SIZE = 50;

    private final String hookType;

    GiteaHooks(ProviderHttp http, String type, HookLocation location) {
        super(http, location.repository() != null ? "/repos/" + Paths.segments(location.repository()) + "/hooks"
                : "/orgs/" + Paths.segment(location.organization()) + "/hooks", "PATCH");
        this.hookType = "gogs".equals(type) ? "gogs" : "gitea";
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

    /**
     * Page by page: Gitea 1.27 sends a Link header with organization webhooks but only
     * X-Total-Count with repository ones; Gogs sends all at once with neither.
     */
    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        for (int page = 1; ; page++) {
            ProviderHttp.Response response = http.send("GET", collection + "?limit=" + PAGE_SIZE + "&page=" + page, null);
            JsonArray items = response.body().getAsJsonArray();
            items.forEach(item -> hooks.add(hook(item.getAsJsonObject())));
            long total = response.headers().firstValueAsLong("X-Total-Count").orElse(-1);
            if (items.isEmpty() || (response.nextLink().isEmpty() && total <= hooks.size())) {
                return hooks;
            }
        }
    }

    @Override
    public boolean updatesSecret() {
        return false;
    }

    /** Only a new webhook takes a secret: Gitea's edit ignores it. */
    @Override
    JsonObject body(DesiredHook desired, boolean creating) {
        JsonObject config = new JsonObject();
        config.addProperty("url", desired.url());
        config.addProperty("content_type", "json");
        JsonObject body = new JsonObject();
        body.add("config", config);
        body.add("events", array(desired.events()));
        body.addProperty("active", true);
        if (creating) {
            body.addProperty("type", hookType);
            config.addProperty("secret", desired.secret());
        }
        return body;
    }

    @Override
    Hook hook(JsonObject json) {
        JsonObject config = json.getAsJsonObject("config");
        return new Hook(json.get("id").getAsString(), Json.text(config, "url"), strings(json.getAsJsonArray("events")),
                json.get("active").getAsBoolean(), "json".equals(Json.text(config, "content_type")), true, null);
    }
}
