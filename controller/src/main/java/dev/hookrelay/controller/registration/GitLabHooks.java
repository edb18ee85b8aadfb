package dev.hookrelay.controller.registration;

import com.google.gson.JsonObject;
import dev.hookrelay.controller.kube.Problem;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GitLab: {@code /projects/{id}/hooks} and {@code /groups/{id}/hooks} (id or URL-encoded path).
 * Subscriptions are one flag per event; the token goes to {@code token} and comes back in
 * X-Gitlab-Token. GitLab never returns the token, and has no "active" switch, but disables a
 * failing webhook ({@code alert_status}), which an update turns back on.
 */
final class GitLabHooks extends RestHookApi {
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

    GitLabHooks(ProviderHttp http, HookLocation location) {
        super(http, location.project() != null ? "/projects/" + Paths.segment(location.project()) + "/hooks"
                : "/groups/" + Paths.segment(location.group()) + "/hooks", "PUT");
    }

    @Override
    public Set<String> events(List<String> receiverEvents) {
        Set<String> flags = new LinkedHashSet<>();
        for (String event : receiverEvents.isEmpty() ? List.of("Push Hook") : receiverEvents) {
            String flag = FLAGS.get(event);
            if (flag == null) {
                throw Problem.retried("UnknownEvent", "spec.events names " + event + ", which GitLab webhooks"
                        + " cannot subscribe to; use X-Gitlab-Event names: " + String.join(", ", FLAGS.keySet()));
            }
            flags.add(flag);
        }
        return flags;
    }

    @Override
    public List<Hook> list() {
        return http.pages(collection + "?per_page=100").stream().map(this::hook).toList();
    }

    /** Every flag explicitly: GitLab turns push_events on when it is left out. */
    @Override
    JsonObject body(DesiredHook desired, boolean creating) {
        JsonObject body = new JsonObject();
        body.addProperty("url", desired.url());
        body.addProperty("token", desired.secret());
        body.addProperty("enable_ssl_verification", true);
        FLAGS.values().forEach(flag -> body.addProperty(flag, desired.events().contains(flag)));
        return body;
    }

    @Override
    Hook hook(JsonObject json) {
        Set<String> events = new LinkedHashSet<>();
        FLAGS.values().stream().filter(flag -> Json.flag(json, flag, false)).forEach(events::add);
        String alert = Json.text(json, "alert_status");
        return new Hook(json.get("id").getAsString(), Json.text(json, "url"), events,
                !alert.equals("disabled") && !alert.equals("temporarily_disabled"), true,
                Json.flag(json, "enable_ssl_verification", true), null);
    }
}
