package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Kubectl;
import dev.hookrelay.testing.Manifests;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.models.V1CustomResourceDefinition;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ControlPlaneExtension.class)
class CrdInstallTest {

    @ParameterizedTest
    @ValueSource(strings = {"receivers.hookrelay.dev", "relays.hookrelay.dev", "providers.hookrelay.dev", "alerts.hookrelay.dev",
            "services.serving.knative.dev"})
    void crdIsEstablished(String name, ControlPlane plane) throws ApiException {
        V1CustomResourceDefinition crd = new ApiextensionsV1Api(plane.adminClient())
                .readCustomResourceDefinition(name).execute();

        assertTrue(crd.getStatus().getConditions().stream()
                        .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True")),
                name + " conditions: " + crd.getStatus().getConditions());
    }

    @Test
    void kubectlShowsTheReceiverPrinterColumns(ControlPlane plane, TestNamespace namespace) throws Exception {
        Manifests.create(plane.adminClient(), namespace.name(), Manifests.parse("""
                apiVersion: hookrelay.dev/v1alpha1
                kind: Receiver
                metadata: {name: columns}
                spec: {type: github}
                """).get(0)).throwsApiException();

        String table = new Kubectl(plane).run("get", "receivers", "-n", namespace.name());

        String header = table.lines().findFirst().orElseThrow();
        assertEquals(List.of("NAME", "TYPE", "READY", "EVENTS", "REJECTED", "LAST", "EVENT", "URL", "AGE"),
                List.of(header.trim().split("\\s+")), table);
        assertTrue(table.lines().anyMatch(line -> line.startsWith("columns") && line.contains("github")), table);
    }

    @Test
    void kubectlShowsTheProviderAndAlertPrinterColumns(ControlPlane plane, TestNamespace namespace) throws Exception {
        for (DynamicKubernetesObject object : Manifests.parse("""
                apiVersion: hookrelay.dev/v1alpha1
                kind: Provider
                metadata: {name: chat}
                spec: {type: slack, address: 'https://hooks.slack.com/services/x'}
                ---
                apiVersion: hookrelay.dev/v1alpha1
                kind: Alert
                metadata: {name: errors}
                spec: {providerRef: {name: chat}, eventSeverity: error, eventSources: [{kind: Kustomization, name: '*'}]}
                """)) {
            Manifests.create(plane.adminClient(), namespace.name(), object).throwsApiException();
        }
        Kubectl kubectl = new Kubectl(plane);

        String providers = kubectl.run("get", "providers.hookrelay.dev", "-n", namespace.name());
        String alerts = kubectl.run("get", "hra", "-n", namespace.name(), "-o", "wide");

        assertEquals(List.of("NAME", "TYPE", "READY", "AGE"),
                List.of(providers.lines().findFirst().orElseThrow().trim().split("\\s+")), providers);
        assertTrue(providers.lines().anyMatch(line -> line.startsWith("chat") && line.contains("slack")), providers);
        assertEquals(List.of("NAME", "PROVIDER", "SEVERITY", "READY", "STATUS", "AGE"),
                List.of(alerts.lines().findFirst().orElseThrow().trim().split("\\s+")), alerts);
        assertTrue(alerts.lines().anyMatch(line -> line.startsWith("errors") && line.contains("chat") && line.contains("error")),
                alerts);
    }

    /** A Provider and an Alert as Flux's v1beta3 documentation writes them, with only the apiVersion changed. */
    @Test
    void fluxV1beta3ObjectsApplyWithOnlyTheApiVersionChanged(ControlPlane plane, TestNamespace namespace) throws Exception {
        Path file = Files.createTempFile("flux-v1beta3", ".yaml");
        Files.writeString(file, """
                apiVersion: hookrelay.dev/v1alpha1
                kind: Provider
                metadata: {name: slack-bot}
                spec:
                  type: slack
                  channel: general
                  username: flux
                  address: https://slack.com/api/chat.postMessage
                  interval: 5m
                  proxy: http://proxy.internal:3128
                  timeout: 30s
                  secretRef: {name: slack-token}
                  certSecretRef: {name: slack-ca}
                  suspend: false
                ---
                apiVersion: hookrelay.dev/v1alpha1
                kind: Alert
                metadata: {name: on-call}
                spec:
                  summary: "Cluster addons impacted in us-east-2"
                  providerRef: {name: slack-bot}
                  eventSeverity: error
                  eventSources:
                  - kind: GitRepository
                    name: '*'
                  - apiVersion: kustomize.toolkit.fluxcd.io/v1
                    kind: Kustomization
                    name: '*'
                    namespace: %s
                    matchLabels: {team: payments}
                  eventMetadata: {env: production, cluster: us-east-2}
                  inclusionList: [".*succeeded.*"]
                  exclusionList: ["^Dependencies.*"]
                  suspend: false
                """.formatted(namespace.name()));
        try {
            String applied = new Kubectl(plane).run("apply", "--dry-run=server", "--validate=strict", "-n", namespace.name(),
                    "-f", file.toString());

            assertTrue(applied.contains("provider.hookrelay.dev/slack-bot created (server dry run)"), applied);
            assertTrue(applied.contains("alert.hookrelay.dev/on-call created (server dry run)"), applied);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void kubectlFindsReceiversByShortName(ControlPlane plane, TestNamespace namespace) {
        String table = new Kubectl(plane).run("get", "rcv,rly", "-n", namespace.name());

        assertTrue(table.contains("No resources found") || table.contains("NAME"), table);
    }
}
