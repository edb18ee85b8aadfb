package dev.hookrelay.controller.registration;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GitLab: {@code /projects/{id}/hooks} and {@code /groups/{id}/hooks} (id or URL-encoded path).
 * Subscriptions are one flag per event; the token goes to {@code token} and comes back in
 * X-Gitlab-Token. GitLab never returns the token, and has no "active" switch, but disables a
 * failing webhook ({@code alert_status}), which an update turns back on.
 */
final class GitLabHooks implements HookApi {
    static final String SCOPES = "the api scope, and the Maintainer role on the project (Owner on a group)";
    /** X-Gitlab-Event names (what spec.events lists) and the flags that subscribe to them. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("Push Hook", "push_events");
        FLAGS.put("Tag Push Hook", "tag_push_events");
        FLAGS.put("Merge Request Hook", "merge_requests_events");
        FLAGS.put("Issue Hook", "issues_events");
        FLAGS.put("Confidential Issue Hook", "confidential_issues_events");
        FLAGS.put("Note Hook", "note_events");
        FLAGS.put("Confidential Note Hook", "confidential_note_events");
        FLAGS.put("Pipeline Hook", "pipeline_events");
        FLAGS.put("Job Hook", "job_events");
        FLAGS.put("Wiki Page Hook", "wiki_page_events");
        FLAGS.put("Deployment Hook", "deployment_events");
        FLAGS.put("Release Hook", "releases_events");
        FLAGS.put("Feature Flag Hook", "feature_flag_events");
        FLAGS.put("Emoji Hook", "emoji_events");
    }

    private final ProviderHttp http;
    private final String base;

    GitLabHooks(ProviderHttp http, HookLocation location) {
        this.http = http;
        this.base = location.project() != null ? "/projects/" + Paths.segment(location.project()) + "/hooks"
                : "/groups/" + Paths.segment(location.group()) + "/hooks";
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        Set<String> flags = new LinkedHashSet<>();
        for (String event : receiverEvents.isEmpty() ? List.of("Push Hook") : receiverEvents) {
            String flag = FLAGS.get(event);
            if (flag == null) {
                throw new RegistrationProblem("UnknownEvent", "spec.events names " + event + ", which GitLab webhooks"
                        + " cannot subscribe to; use X-Gitlab-Event names: " + String.join(", ", FLAGS.keySet()));
            }
            flags.add(flag);
        }
        return flags;
    }

    @Override
    public Optional<Hook> get(String id) {
        return http.find(base + "/" + Paths.segment(id)).map(GitLabHooks::hook);
    }

    @Override
    public List<Hook> list() {
        return http.pages(base + "?per_page=100").stream().map(GitLabHooks::hook).toList();
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

    /** Every flag explicitly: GitLab turns push_events on when it is left out. */
    private static JsonObject body(DesiredHook desired) {
        JsonObject body = new JsonObject();
        body.addProperty("url", desired.url());
        body.addProperty("token", desired.secret());
        body.addProperty("enable_ssl_verification", true);
        FLAGS.values().forEach(flag -> body.addProperty(flag, desired.events().contains(flag)));
        return body;
    }

    private static Hook hook(JsonObject json) {
        Set<String> events = new LinkedHashSet<>();
        FLAGS.values().stream().filter(flag -> Json.flag(json, flag, false)).forEach(events::add);
        String alert = Json.text(json, "alert_status");
        return new Hook(json.get("id").getAsString(), Json.text(json, "url"), events,
                !alert.equals("disabled") && !alert.equals("temporarily_disabled"), true,
                Json.flag(json, "enable_ssl_verification", true), null);
    }
}
