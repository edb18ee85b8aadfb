package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ready of Providers and Alerts says what keeps them from sending, and recovers by itself once fixed. */
@ExtendWith(ControlPlaneExtension.class)
class ReadinessTest {

    @Test
    void providerIsReadyOnceItsSecretExists(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: slack}
                    spec: {type: slack, secretRef: {name: slack-url}}
                    """);

            V1Condition missing = alerting.awaitReady("providers", "slack", "False");
            assertEquals("SecretNotFound", missing.getReason());
            assertTrue(missing.getMessage().contains("Secret " + namespace.name() + "/slack-url named by spec.secretRef does not exist"),
                    missing.getMessage());

            alerting.secret("slack-url", Map.of("address", "https://hooks.slack.com/services/T0/B0/secret-path"));
            V1Condition ready = alerting.awaitReady("providers", "slack", "True");
            assertEquals("Succeeded", ready.getReason());
        }
    }

    @Test
    void providerSaysWhatItsTypeNeeds(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: telegram}
                    spec: {type: telegram, channel: '-1001'}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: github}
                    spec: {type: github, address: 'https://github.com/org'}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: broker}
                    spec: {type: cloudevents, sinkRef: {apiVersion: serving.knative.dev/v1, kind: Service, name: absent}}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: status-key}
                    spec: {type: gitlab, address: 'https://gitlab.com/org/repo', commitStatusExpr: "event.involvedObject.kind + 1"}
                    """);

            V1Condition telegram = alerting.awaitReady("providers", "telegram", "False");
            V1Condition github = alerting.awaitReady("providers", "github", "False");
            V1Condition broker = alerting.awaitReady("providers", "broker", "False");

            assertEquals("InvalidConfiguration", telegram.getReason());
            assertTrue(telegram.getMessage().contains("needs a token: add a `token` key to its Secret"), telegram.getMessage());
            assertEquals("InvalidConfiguration", github.getReason());
            assertTrue(github.getMessage().contains("must be the repository's URL"), github.getMessage());
            V1Condition statusKey = alerting.awaitReady("providers", "status-key", "False");
            assertEquals("InvalidCommitStatusExpr", statusKey.getReason());
            assertTrue(statusKey.getMessage().startsWith("spec.commitStatusExpr does not compile: "), statusKey.getMessage());
            assertTrue(statusKey.getMessage().contains("expected type 'string' but found 'int'"), statusKey.getMessage());
            assertEquals("SinkNotFound", broker.getReason());
            assertTrue(broker.getMessage().contains("Service " + namespace.name() + "/absent"), broker.getMessage());
        }
    }

    @Test
    void alertSaysWhyNothingArrives(ControlPlane plane, TestNamespace namespace) {
        try (Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Alert
                    metadata: {name: orphan}
                    spec: {providerRef: {name: nowhere}, eventSources: [{kind: Kustomization, name: '*'}]}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: hook}
                    spec: {type: generic, address: 'http://127.0.0.1:9/hook'}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Alert
                    metadata: {name: bad-expression}
                    spec: {providerRef: {name: hook}, eventSources: [{kind: Kustomization, name: '*'}], exclusionList: ['^(?!Applied)']}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Alert
                    metadata: {name: elsewhere}
                    spec: {providerRef: {name: hook}, eventSources: [{kind: Kustomization, name: '*', namespace: flux-system}]}
                    """);

            assertEquals("ProviderNotFound", alerting.awaitReady("alerts", "orphan", "False").getReason());
            // a lookahead: Java's regular expressions have it, Go's (Flux's) and RE2 do not
            assertEquals("InvalidExpression", alerting.awaitReady("alerts", "bad-expression", "False").getReason());
            V1Condition elsewhere = alerting.awaitReady("alerts", "elsewhere", "False");
            assertEquals("CrossNamespaceRefused", elsewhere.getReason());
            assertTrue(elsewhere.getMessage().contains("hookrelay.notification.allow-cross-namespace"), elsewhere.getMessage());

            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Provider
                    metadata: {name: nowhere}
                    spec: {type: generic, address: 'http://127.0.0.1:9/hook'}
                    """);
            assertEquals("Succeeded", alerting.awaitReady("alerts", "orphan", "True").getReason());
        }
    }
}
