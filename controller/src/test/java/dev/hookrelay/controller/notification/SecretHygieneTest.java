package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hookrelay.controller.notification.StandIn.Answer;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Credentials in a Provider's Secret (a token in the URL path, a webhook URL, a header) appear
 * in no log line, no status and no Kubernetes Event, whether sending works, is retried or fails.
 */
@ExtendWith(ControlPlaneExtension.class)
class SecretHygieneTest {
    private static final List<String> SECRETS = List.of("tg-secret-token", "secret-webhook-path", "secret-header-value");

    @Test
    void credentialsAppearNowhere(ControlPlane plane, TestNamespace namespace) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Level previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (StandIn telegram = new StandIn(); StandIn slack = new StandIn(); StandIn service = new StandIn();
             Alerting alerting = new Alerting(plane, namespace.name())) {
            telegram.answer(Answer.status(401));
            slack.answer(Answer.status(500));
            service.answer(Answer.status(503));
            alerting.secret("telegram", Map.of("token", "123:tg-secret-token"));
            alerting.secret("slack", Map.of("address", slack.url() + "/services/secret-webhook-path"));
            alerting.secret("generic", Map.of("headers", "Authorization: Bearer secret-header-value"));
            alerting.secret("broken", Map.of("address", "::not a url secret-webhook-path"));
            String alert = "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}";
            alerting.providerWithAlert("telegram", "{type: telegram, channel: '-1', address: '" + telegram.url()
                    + "', secretRef: {name: telegram}}", alert);
            alerting.providerWithAlert("slack", "{type: slack, secretRef: {name: slack}}", alert);
            alerting.providerWithAlert("generic", "{type: generic, address: '" + service.url() + "/g', secretRef: {name: generic}}",
                    alert);
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: broken}
                    spec: {type: slack, secretRef: {name: broken}}
                    """);
            alerting.awaitReady("providers", "broken", "False");

            alerting.postEvent("app", "error", "ReconciliationFailed", "Health check failed", Map.of());
            alerting.awaitCount("failed", "telegram", 1);
            alerting.awaitCount("sent", "slack", 1);
            alerting.awaitCount("sent", "generic", 1);

            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("Provider " + namespace.name() + "/telegram")), "nothing logged");
            String statuses = new DynamicKubernetesApi("hookrelay.dev", "v1alpha1", "providers", plane.adminClient())
                    .list(namespace.name()).getObject().getItems().toString();
            String events = new CoreV1Api(plane.adminClient()).listNamespacedEvent(namespace.name()).execute().getItems().toString();
            for (String secret : SECRETS) {
                lines.forEach(line -> assertFalse(line.contains(secret), "credential in a log line: " + line));
                assertFalse(statuses.contains(secret), "credential in a Provider: " + statuses);
                assertFalse(events.contains(secret), "credential in an Event: " + events);
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(previous);
        }
    }
}
