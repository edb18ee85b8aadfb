package dev.hookrelay.controller.registration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Bitbucket Cloud: {@code /repositories/{workspace}/{repo}/hooks}, pages linked by {@code next},
 * webhooks named by a {uuid}. With a secret, Bitbucket signs deliveries (X-Hub-Signature); it
 * reports only {@code secret_set}.
 */
final class BitbucketHooks extends RestHookApi {
    static final String SCOPES = "the webhook scope (a repository or workspace access token), or read:webhook:bitbucket"
            + " and write:webhook:bitbucket (an API token, with `username` set to your Atlassian account email),"
            + " and admin rights on the repository";

    BitbucketHooks(ProviderHttp http, HookLocation location) {
        super(http, "/repositories/" + Paths.segment(location.workspace()) + "/" + Paths.segment(location.repository())
                + "/hooks", "PUT");
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        return receiverEvents.isEmpty() ? Set.of("repo:push") : new LinkedHashSet<>(receiverEvents);
    }

    @Override
    public List<Hook> list() {
        List<Hook> hooks = new ArrayList<>();
        URI next = http.uri(collection + "?pagelen=100");
        while (next != null) {
            JsonObject page = http.send("GET", next, null).body().getAsJsonObject();
            page.getAsJsonArray("values").forEach(v -> hooks.add(hook(v.getAsJsonObject())));
            JsonElement link = page.get("next");
            next = link == null || link.isJsonNull() ? null : URI.create(link.getAsString());
        }
        return hooks;
    }

    @Override
    JsonObject body(DesiredHook desired, boolean creating) {
        JsonObject body = new JsonObject();
        body.addProperty("description", "Hookrelay");
        body.addProperty("url", desired.url());
        body.addProperty("active", true);
        body.addProperty("secret", desired.secret());
        body.addProperty("skip_cert_verification", false);
        body.add("events", array(desired.events()));
        return body;
    }

    @Override
    Hook hook(JsonObject json) {
        return new Hook(json.get("uuid").getAsString(), Json.text(json, "url"), strings(json.getAsJsonArray("events")),
                Json.flag(json, "active", false),
                true, !Json.flag(json, "skip_cert_verification", false), Json.flag(json, "secret_set", false));
    }
}
