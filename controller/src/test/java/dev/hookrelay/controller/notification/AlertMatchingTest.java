package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Which events an Alert sends, as in Flux: by severity, by eventSources (kind, name or '*',
 * namespace, matchLabels), by inclusion and exclusion expressions, and none while suspended.
 * Events are routed one after the other (one routing worker), so once a later event has
 * arrived, an earlier one that was not sent never will be.
 */
@ExtendWith(ControlPlaneExtension.class)
class AlertMatchingTest {

    @Test
    void errorAlertSendsOnlyErrors(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.providerWithAlert("errors", "{type: generic, address: '" + hook.url() + "'}",
                    "{providerRef: {name: %s}, eventSeverity: error, eventSources: [{kind: Kustomization, name: app}]}");

            alerting.postEvent("app", "info", "ReconciliationSucceeded", "info event", Map.of());
            alerting.postEvent("app", "error", "ReconciliationFailed", "error event", Map.of());
            alerting.postEvent("app", "info", "Progressing", "last event", Map.of());
            alerting.postEvent("app", "error", "ReconciliationFailed", "second error", Map.of());

            assertEquals(List.of("error event", "second error"), messagesAfter(hook, 2, alerting, "errors"));
        }
    }

    @Test
    void eventSourcesSelectByKindNameNamespaceAndLabels(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.apply("""
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Receiver
                    metadata: {name: labelled, labels: {team: payments}}
                    spec: {type: github}
                    ---
                    apiVersion: hookrelay.dev/v1alpha1
                    kind: Receiver
                    metadata: {name: unlabelled}
                    spec: {type: github}
                    """);
            alerting.providerWithAlert("sources", "{type: generic, address: '" + hook.url() + "'}", """
                    {providerRef: {name: %s}, eventSources: [
                      {kind: Kustomization, name: named},
                      {kind: Receiver, name: '*', matchLabels: {team: payments}},
                      {kind: GitRepository, name: '*', namespace: NAMESPACE}]}""".replace("NAMESPACE", namespace.name()));
            Eventually.await("the Receivers in the cache", Alerting.TIMEOUT,
                    () -> alerting.controller().bean(NotificationCaches.class).receivers().inNamespace(namespace.name()).size() == 2);

            alerting.post(alerting.fluxEvent("Kustomization", "other", "info", "R", "other kustomization", Map.of()));
            alerting.post(alerting.fluxEvent("Kustomization", "named", "info", "R", "named kustomization", Map.of()));
            alerting.post(alerting.fluxEvent("Receiver", "unlabelled", "info", "R", "unlabelled receiver", Map.of()));
            alerting.post(alerting.fluxEvent("Receiver", "labelled", "info", "R", "labelled receiver", Map.of()));
            alerting.post(alerting.fluxEvent("HelmRelease", "named", "info", "R", "other kind", Map.of()));
            alerting.post(alerting.fluxEvent("GitRepository", "any", "info", "R", "any git repository", Map.of()));
            alerting.post(alerting.fluxEvent("Kustomization", "named", "info", "R", "last", Map.of()));

            assertEquals(List.of("named kustomization", "labelled receiver", "any git repository", "last"),
                    messagesAfter(hook, 4, alerting, "sources"));
        }
    }

    @Test
    void inclusionAndExclusionListsFilterByMessage(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.providerWithAlert("filtered", "{type: generic, address: '" + hook.url() + "'}", """
                    {providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}],
                     inclusionList: ['^Applied revision', 'failed'], exclusionList: ['revision main@sha1:skip']}""");

            alerting.postEvent("app", "info", "R", "Applied revision main@sha1:1", Map.of());
            alerting.postEvent("app", "info", "R", "Dependencies do not meet ready condition", Map.of());
            alerting.postEvent("app", "info", "R", "Applied revision main@sha1:skip", Map.of());
            alerting.postEvent("app", "error", "R", "Health check failed", Map.of());

            assertEquals(List.of("Applied revision main@sha1:1", "Health check failed"),
                    messagesAfter(hook, 2, alerting, "filtered"));
        }
    }

    @Test
    void suspendedAlertAndSuspendedProviderSendNothing(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn hook = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.providerWithAlert("paused", "{type: generic, address: '" + hook.url() + "'}",
                    "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}");

            alerting.patch("alerts", "paused", "{\"spec\": {\"suspend\": true}}");
            alerting.awaitReady("alerts", "paused", "False");
            alerting.postEvent("app", "info", "R", "while the Alert is suspended", Map.of());
            alerting.patch("alerts", "paused", "{\"spec\": {\"suspend\": false}}");
            alerting.patch("providers", "paused", "{\"spec\": {\"suspend\": true}}");
            alerting.awaitReady("providers", "paused", "False");
            alerting.postEvent("app", "info", "R", "while the Provider is suspended", Map.of());
            alerting.patch("providers", "paused", "{\"spec\": {\"suspend\": false}}");
            alerting.awaitReady("providers", "paused", "True");
            alerting.postEvent("app", "info", "R", "resumed", Map.of());

            assertEquals(List.of("resumed"), messagesAfter(hook, 1, alerting, "paused"));
        }
    }

    /** The messages the stand-in received, once the Provider has sent this many and nothing else is in flight. */
    private static List<String> messagesAfter(StandIn hook, int sent, Alerting alerting, String provider) {
        alerting.awaitCount("sent", provider, sent);
        return hook.requests().stream().map(r -> r.json().getAsJsonObject().get("message").getAsString()).toList();
    }
}
