package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Provider type sends the request its service documents (method, path, authentication,
 * body) for one error event of a Kustomization at a revision, to a local stand-in of that
 * service. One Provider and one Alert per type, all set up once.
 */
@ExtendWith(ControlPlaneExtension.class)
class ProviderTypesTest {
    private static final String SHA = "6b1c3a1e6b1c3a1e6b1c3a1e6b1c3a1e6b1c3a1e";
    private static final String MESSAGE = "Health check failed after 2m0s";
    private static StandIn service;
    private static Alerting alerting;
    private static String namespace;

    /** One type: its spec (%s is the stand-in's URL, %u its host:port), its Secret, and what its request must be. */
    record Case(String type, String spec, Map<String, String> secret, String method, String path,
                Consumer<StandIn.Recorded> check) {
        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("generic", "{type: generic, address: '%s/generic'}", Map.of("headers", "X-Team: payments"),
                        "POST", "/generic", r -> {
                            assertEquals("payments", r.header("X-Team"));
                            JsonObject event = r.json().getAsJsonObject();
                            assertEquals("generic", event.getAsJsonObject("involvedObject").get("name").getAsString());
                            assertEquals("error", event.get("severity").getAsString());
                            assertEquals(MESSAGE, event.get("message").getAsString());
                            assertEquals("main@sha1:" + SHA, event.getAsJsonObject("metadata").get("revision").getAsString());
                        }),
                new Case("generic-hmac", "{type: generic-hmac, address: '%s/hmac'}", Map.of("token", "hmac-key"),
                        "POST", "/hmac", r -> assertEquals("sha256=" + hmac("hmac-key", r.body()), r.header("X-Signature"))),
                new Case("slack", "{type: slack, channel: C0123, address: '%s/api/chat.postMessage'}", Map.of("token", "xoxb-1"),
                        "POST", "/api/chat.postMessage", r -> {
                            assertEquals("Bearer xoxb-1", r.header("Authorization"));
                            assertEquals("C0123", json(r).get("channel").getAsString());
                            assertEquals(MESSAGE, attachment(r).get("text").getAsString());
                        }),
                new Case("discord", "{type: discord, address: '%s/api/webhooks/1/abc'}", Map.of(),
                        "POST", "/api/webhooks/1/abc/slack", r -> assertEquals("danger", attachment(r).get("color").getAsString())),
                new Case("rocket", "{type: rocket, address: '%s/hooks/rocket'}", Map.of(),
                        "POST", "/hooks/rocket", r -> assertEquals(MESSAGE, attachment(r).get("text").getAsString())),
                new Case("msteams", "{type: msteams, address: '%s/workflows/teams'}", Map.of(), "POST", "/workflows/teams", r -> {
                    assertEquals("message", json(r).get("type").getAsString());
                    JsonObject card = json(r).getAsJsonArray("attachments").get(0).getAsJsonObject();
                    assertEquals("application/vnd.microsoft.card.adaptive", card.get("contentType").getAsString());
                    assertEquals("AdaptiveCard", card.getAsJsonObject("content").get("type").getAsString());
                    assertEquals(MESSAGE, card.getAsJsonObject("content").getAsJsonArray("body").get(1).getAsJsonObject()
                            .get("text").getAsString());
                }),
                new Case("googlechat", "{type: googlechat, address: '%s/v1/spaces/AAA/messages?key=k1&token=t1'}", Map.of(),
                        "POST", "/v1/spaces/AAA/messages?key=k1&token=t1",
                        r -> assertTrue(json(r).get("text").getAsString().contains(MESSAGE), r.body())),
                new Case("matrix", "{type: matrix, channel: '!room:example.org', address: '%s'}", Map.of("token", "syt_1"),
                        "PUT", "/_matrix/client/v3/rooms/%21room%3Aexample.org/send/m.room.message/hookrelay-", r -> {
                            assertEquals("Bearer syt_1", r.header("Authorization"));
                            assertEquals("m.text", json(r).get("msgtype").getAsString());
                            assertTrue(json(r).get("body").getAsString().contains(MESSAGE));
                        }),
                new Case("telegram", "{type: telegram, channel: '-1001234', address: '%s'}", Map.of("token", "123:ABC"),
                        "POST", "/bot123:ABC/sendMessage", r -> {
                            assertEquals("-1001234", json(r).get("chat_id").getAsString());
                            assertTrue(json(r).get("text").getAsString().contains(MESSAGE));
                        }),
                new Case("webex", "{type: webex, channel: room-1, address: '%s/v1/messages'}", Map.of("token", "wx-1"),
                        "POST", "/v1/messages", r -> {
                            assertEquals("Bearer wx-1", r.header("Authorization"));
                            assertEquals("room-1", json(r).get("roomId").getAsString());
                            assertTrue(json(r).get("markdown").getAsString().contains(MESSAGE));
                        }),
                new Case("lark", "{type: lark, address: '%s/open-apis/bot/v2/hook/xyz'}", Map.of(),
                        "POST", "/open-apis/bot/v2/hook/xyz", r -> {
                            assertEquals("interactive", json(r).get("msg_type").getAsString());
                            assertEquals("red", json(r).getAsJsonObject("card").getAsJsonObject("header").get("template").getAsString());
                        }),
                new Case("zulip", "{type: zulip, channel: flux/alerts, username: bot@zulip.example.com, address: '%s'}",
                        Map.of("token", "zk-1"), "POST", "/api/v1/messages", r -> {
                            assertEquals(basic("bot@zulip.example.com:zk-1"), r.header("Authorization"));
                            assertEquals("application/x-www-form-urlencoded", r.header("Content-Type"));
                            assertTrue(r.body().startsWith("type=stream&to=flux&topic=alerts&content="), r.body());
                        }),
                new Case("github", "{type: github, address: '%s/org/repo'}", Map.of("token", "ghp_1"),
                        "POST", "/api/v3/repos/org/repo/statuses/" + SHA, r -> {
                            assertEquals("Bearer ghp_1", r.header("Authorization"));
                            assertEquals("failure", json(r).get("state").getAsString());
                            assertTrue(json(r).get("context").getAsString().startsWith("kustomization/github/"), r.body());
                            assertEquals("reconciliation failed", json(r).get("description").getAsString());
                        }),
                new Case("gitlab", "{type: gitlab, address: '%s/group/sub/project.git'}", Map.of("token", "glpat-1"),
                        "POST", "/api/v4/projects/group%2Fsub%2Fproject/statuses/" + SHA, r -> {
                            assertEquals("glpat-1", r.header("PRIVATE-TOKEN"));
                            assertEquals("failed", json(r).get("state").getAsString());
                            assertTrue(json(r).get("name").getAsString().startsWith("kustomization/gitlab/"));
                        }),
                new Case("gitea", "{type: gitea, address: '%s/org/repo', commitStatusExpr: \"event.involvedObject.kind + '/'"
                        + " + event.involvedObject.name + '/' + alert.metadata.name + '/' + provider.metadata.name\"}",
                        Map.of("token", "gt-1"), "POST", "/api/v1/repos/org/repo/statuses/" + SHA, r -> {
                            assertEquals("token gt-1", r.header("Authorization"));
                            assertEquals("failure", json(r).get("state").getAsString());
                            assertEquals("Kustomization/gitea/gitea/gitea", json(r).get("context").getAsString(),
                                    "the key spec.commitStatusExpr gives");
                        }),
                new Case("bitbucket", "{type: bitbucket, address: '%s/workspace/repo'}", Map.of("username", "u", "token", "app-pw"),
                        "POST", "/2.0/repositories/workspace/repo/commit/" + SHA + "/statuses/build", r -> {
                            assertEquals(basic("u:app-pw"), r.header("Authorization"));
                            assertEquals("FAILED", json(r).get("state").getAsString());
                            assertTrue(json(r).get("key").getAsString().length() <= 40);
                        }),
                new Case("bitbucketserver", "{type: bitbucketserver, address: '%s/scm/proj/repo.git'}", Map.of("token", "bbs-1"),
                        "POST", "/rest/api/latest/projects/proj/repos/repo/commits/" + SHA + "/builds", r -> {
                            assertEquals("Bearer bbs-1", r.header("Authorization"));
                            assertEquals("FAILED", json(r).get("state").getAsString());
                            assertTrue(json(r).has("url"));
                        }),
                new Case("azuredevops", "{type: azuredevops, address: '%s/org/project/_git/repo'}", Map.of("token", "pat-1"),
                        "POST", "/org/project/_apis/git/repositories/repo/commits/" + SHA + "/statuses?api-version=7.1", r -> {
                            assertEquals(basic(":pat-1"), r.header("Authorization"));
                            assertEquals("failed", json(r).get("state").getAsString());
                            assertEquals("fluxcd", json(r).getAsJsonObject("context").get("genre").getAsString());
                        }),
                new Case("githubdispatch", "{type: githubdispatch, address: '%s/org/repo'}", Map.of("token", "ghp_2"),
                        "POST", "/api/v3/repos/org/repo/dispatches", r -> {
                            assertEquals("Bearer ghp_2", r.header("Authorization"));
                            assertEquals("Kustomization/githubdispatch." + namespace, json(r).get("event_type").getAsString());
                            assertEquals(MESSAGE, json(r).getAsJsonObject("client_payload").get("message").getAsString());
                        }),
                new Case("alertmanager", "{type: alertmanager, address: '%s/api/v2/alerts'}", Map.of(), "POST", "/api/v2/alerts", r -> {
                    JsonObject alert = r.json().getAsJsonArray().get(0).getAsJsonObject();
                    assertEquals("FluxKustomizationReconciliationFailed", alert.getAsJsonObject("labels").get("alertname").getAsString());
                    assertEquals("error", alert.getAsJsonObject("labels").get("severity").getAsString());
                    assertEquals(MESSAGE, alert.getAsJsonObject("annotations").get("message").getAsString());
                }),
                new Case("opsgenie", "{type: opsgenie, address: '%s/v2/alerts'}", Map.of("token", "og-1"), "POST", "/v2/alerts", r -> {
                    assertEquals("GenieKey og-1", r.header("Authorization"));
                    assertEquals(MESSAGE, json(r).get("description").getAsString());
                }),
                new Case("pagerduty", "{type: pagerduty, channel: routing-1, address: '%s/v2/enqueue'}", Map.of(),
                        "POST", "/v2/enqueue", r -> {
                            assertEquals("routing-1", json(r).get("routing_key").getAsString());
                            assertEquals("trigger", json(r).get("event_action").getAsString());
                            assertEquals("error", json(r).getAsJsonObject("payload").get("severity").getAsString());
                        }),
                new Case("datadog", "{type: datadog, address: '%s'}", Map.of("token", "dd-1"), "POST", "/api/v1/events", r -> {
                    assertEquals("dd-1", r.header("DD-API-KEY"));
                    assertEquals("error", json(r).get("alert_type").getAsString());
                    assertEquals(MESSAGE, json(r).get("text").getAsString());
                }),
                new Case("sentry", "{type: sentry, channel: production, address: 'http://public-key@%u/42'}", Map.of(),
                        "POST", "/api/42/envelope/", r -> {
                            assertTrue(r.header("X-Sentry-Auth").contains("sentry_key=public-key"), r.header("X-Sentry-Auth"));
                            String[] lines = r.body().split("\n");
                            assertEquals("{\"type\":\"event\"}", lines[1]);
                            JsonObject event = JsonParser.parseString(lines[2]).getAsJsonObject();
                            assertEquals("error", event.get("level").getAsString());
                            assertEquals("production", event.get("environment").getAsString());
                            assertEquals(MESSAGE, event.getAsJsonObject("message").get("formatted").getAsString());
                        }),
                new Case("grafana", "{type: grafana, address: '%s/api/annotations'}", Map.of("token", "glsa-1"),
                        "POST", "/api/annotations", r -> {
                            assertEquals("Bearer glsa-1", r.header("Authorization"));
                            assertTrue(json(r).get("text").getAsString().contains(MESSAGE));
                            assertTrue(json(r).getAsJsonArray("tags").toString().contains("\"flux\""));
                        }),
                new Case("cloudevents", "{type: cloudevents, address: '%s/ce'}", Map.of(), "POST", "/ce", r -> {
                    assertEquals("1.0", r.header("ce-specversion"));
                    assertEquals("dev.hookrelay.kustomization.ReconciliationFailed", r.header("ce-type"));
                    assertEquals("/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/" + namespace + "/kustomizations/cloudevents",
                            r.header("ce-source"));
                    assertEquals("main@sha1:" + SHA, r.header("ce-subject"));
                    assertEquals(MESSAGE, json(r).get("message").getAsString());
                }));
    }

    @BeforeAll
    static void sendOneEventPerType(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        namespace = testNamespace.name();
        service = new StandIn();
        alerting = new Alerting(plane, namespace);
        String hostPort = service.url().substring("http://".length());
        for (Case c : cases().toList()) {
            alerting.secret(c.type(), c.secret());
            String spec = c.spec().replace("%s", service.url()).replace("%u", hostPort);
            alerting.providerWithAlert(c.type(), spec.substring(0, spec.length() - 1) + ", secretRef: {name: " + c.type() + "}}",
                    "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: NAME}]}".replace("NAME", c.type()));
        }
        for (Case c : cases().toList()) {
            alerting.postEvent(c.type(), "error", "ReconciliationFailed", MESSAGE, Map.of("revision", "main@sha1:" + SHA));
        }
    }

    @AfterAll
    static void stop() {
        alerting.close();
        service.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void providerSendsTheDocumentedRequest(Case c) {
        StandIn.Recorded request = Eventually.await(c.type() + " request at " + c.path(), Alerting.TIMEOUT,
                () -> service.requests().stream().filter(r -> r.path().startsWith(c.path())).findFirst().orElse(null));

        assertEquals(c.method(), request.method(), c.type());
        c.check().accept(request);
        assertEquals(1, alerting.count("sent", c.type()), c.type() + " sent once");
    }

    private static JsonObject json(StandIn.Recorded request) {
        return request.json().getAsJsonObject();
    }

    private static JsonObject attachment(StandIn.Recorded request) {
        return json(request).getAsJsonArray("attachments").get(0).getAsJsonObject();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
