package dev.hookrelay.controller.registration;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bitbucket Server and Data Center: {@code /projects/{key}/repos/{slug}/webhooks}, pages by
 * {@code start}/{@code nextPageStart}; the secret goes into {@code configuration.secret} and
 * signs deliveries (X-Hub-Signature). Its "Test connection" ping cannot be subscribed to.
 */
final class BitbucketServerHooks extends RestHookApi {
    static final String SCOPES = "repository admin permission (an HTTP access token with Repository admin)";
    private static final String PING = "diagnostics:ping";

    BitbucketServerHooks(ProviderHttp http, HookLocation location) {
        super(http, "/projects/" + Paths.segment(location.project()) + "/repos/" + Paths.segment(location.repository())
                + "/webhooks", "PUT");
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        Set<String> events = new LinkedHashSet<>(receiverEvents);
        events.remove(PING);
        return events.isEmpty() ? Set.of("repo:refs_changed") : events;
    }

    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        long start = 0;
        while (true) {
            JsonObject page = http.send("GET", collection + "?limit=100&start=" + start, null).body().getAsJsonObject();
            page.getAsJsonArray("values").forEach(v -> hooks.add(hook(v.getAsJsonObject())));
            if (Json.flag(page, "isLastPage", true) || !page.has("nextPageStart")) {
                return hooks;
            }
            start = page.get("nextPageStart").getAsLong();
        }
    }

    @Override
    JsonObject body(DesiredHook desired, boolean creating) {
        JsonObject configuration = new JsonObject();
        configuration.addProperty("secret", desired.secret());
        JsonObject body = new JsonObject();
        body.addProperty("name", "Hookrelay");
        body.addProperty("url", desired.url());
        body.addProperty("active", true);
        body.add("events", array(desired.events()));
        body.add("configuration", configuration);
        return body;
    }

    @Override
    Hook hook(JsonObject json) {
        return new Hook(json.get("id").getAsString(), Json.text(json, "url"), strings(json.getAsJsonArray("events")),
                Json.flag(json, "active", false), true, true, null);
    }
}
