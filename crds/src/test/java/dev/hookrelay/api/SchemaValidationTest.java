package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Manifests;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What the API server itself accepts and refuses, through the CRDs' schema and CEL rules. */
@ExtendWith(ControlPlaneExtension.class)
class SchemaValidationTest {

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(ControlPlaneAssets.projectRoot().resolve("crds/examples"))) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertFalse(yaml.isEmpty(), "no examples found");
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleIsAccepted(Path example, ControlPlane plane, TestNamespace namespace) {
        for (DynamicKubernetesObject object : Manifests.read(example)) {
            KubernetesApiResponse<DynamicKubernetesObject> response =
                    Manifests.create(plane.adminClient(), namespace.name(), object);

            assertTrue(response.isSuccess(), example + ": " + response.getStatus());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown type              | Receiver | {type: svn}                                                                          | spec.type: Unsupported value: "svn"
        missing type              | Receiver | {events: [push]}                                                                     | spec.type: Required value
        events on dockerhub       | Receiver | {type: dockerhub, events: [push]}                                                    | dockerhub, quay, generic and generic-hmac deliveries carry none; remove spec.events
        empty event name          | Receiver | {type: github, events: ['']}                                                         | spec.events[0]: Invalid value
        empty secretRef name      | Receiver | {type: github, secretRef: {name: ''}}                                                | spec.secretRef.name is empty; name a Secret with a `token` key
        resource without kind     | Receiver | {type: github, resources: [{apiVersion: v1, name: x}]}                               | spec.resources[0].kind: Required value
        resource without name     | Receiver | {type: github, resources: [{apiVersion: v1, kind: ConfigMap}]}                       | spec.resources[0].name: Required value
        matchLabels with a name   | Receiver | {type: github, resources: [{apiVersion: v1, kind: ConfigMap, name: x, matchLabels: {a: b}}]} | matchLabels selects targets only with name: '*'; set name to '*' or remove matchLabels
        bad target namespace      | Receiver | {type: github, resources: [{apiVersion: v1, kind: ConfigMap, name: x, namespace: Bad_NS}]}  | spec.resources[0].namespace: Invalid value
        relay without hub         | Relay    | {resources: []}                                                                      | spec.hub: Required value
        relay without receiver    | Relay    | {hub: {kubeConfigSecretRef: {name: k}, namespace: hub}}                              | spec.hub.receiver: Required value
        relay bad hub namespace   | Relay    | {hub: {kubeConfigSecretRef: {name: k}, namespace: Hub_NS, receiver: r}}              | spec.hub.namespace must be a valid namespace name
        relay empty secret name   | Relay    | {hub: {kubeConfigSecretRef: {name: ''}, namespace: hub, receiver: r}}                | spec.hub.kubeConfigSecretRef.name is empty; name the Secret that holds the hub kubeconfig
        unknown provider type     | Provider | {type: hipchat, address: 'https://example.com'}                                      | spec.type: Unsupported value: "hipchat": supported values: "generic", "generic-hmac", "cloudevents", "slack"
        sinkRef without cloudevents | Provider | {type: slack, sinkRef: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: default}} | spec.sinkRef names a CloudEvents sink, so it needs type: cloudevents; set type: cloudevents or remove sinkRef
        channel on a type without | Provider | {type: msteams, channel: general}                                                    | spec.channel has no meaning for type msteams; remove it
        commitStatusExpr on chat  | Provider | {type: slack, commitStatusExpr: "'x'"}                                               | spec.commitStatusExpr is only for the commit status types
        bad provider timeout      | Provider | {type: slack, timeout: 15 seconds}                                                   | spec.timeout: Invalid value
        alert without provider    | Alert    | {eventSources: [{kind: Kustomization, name: '*'}]}                                   | spec.providerRef: Required value
        alert without sources     | Alert    | {providerRef: {name: slack}, eventSources: []}                                       | spec.eventSources: Invalid value
        alert unknown source kind | Alert    | {providerRef: {name: slack}, eventSources: [{kind: Pod, name: x}]}                   | spec.eventSources[0].kind: Unsupported value: "Pod"
        alert bad severity        | Alert    | {providerRef: {name: slack}, eventSeverity: warning, eventSources: [{kind: Receiver, name: x}]} | spec.eventSeverity: Unsupported value: "warning"
        alert matchLabels by name | Alert    | {providerRef: {name: slack}, eventSources: [{kind: Receiver, name: x, matchLabels: {a: b}}]} | matchLabels selects objects only with name: '*'; set name to '*' or remove matchLabels
        registration on dockerhub | Receiver | {type: dockerhub, registration: {repository: a/b, credentialsRef: {name: c}}}        | spec.registration is supported for github, gitlab, gitea, forgejo, gogs, bitbucket and bitbucket-server
        registration both places  | Receiver | {type: github, registration: {repository: a/b, organization: a, credentialsRef: {name: c}}} | set exactly one of spec.registration.repository (owner/name) or spec.registration.organization
        registration bare repo    | Receiver | {type: github, registration: {repository: podinfo, credentialsRef: {name: c}}}      | set exactly one of spec.registration.repository (owner/name)
        registration gitlab repo  | Receiver | {type: gitlab, registration: {repository: a/b, credentialsRef: {name: c}}}          | for gitlab set exactly one of spec.registration.project
        registration no workspace | Receiver | {type: bitbucket, registration: {repository: podinfo, credentialsRef: {name: c}}}   | for bitbucket set spec.registration.workspace and spec.registration.repository
        registration bbs no key   | Receiver | {type: bitbucket-server, registration: {repository: podinfo, apiURL: 'https://bb.example.com/rest/api/1.0', credentialsRef: {name: c}}} | for bitbucket-server set spec.registration.project
        registration gitea no api | Receiver | {type: gitea, registration: {repository: a/b, credentialsRef: {name: c}}}           | gitea, forgejo, gogs and bitbucket-server are self-hosted: set spec.registration.apiURL
        registration no secret    | Receiver | {type: github, registration: {repository: a/b}}                                     | spec.registration.credentialsRef: Required value
        registration bad apiURL   | Receiver | {type: github, registration: {repository: a/b, apiURL: 'ftp://x', credentialsRef: {name: c}}} | spec.registration.apiURL: Invalid value
        rotation every with ref   | Receiver | {type: github, secretRef: {name: s}, rotation: {every: 720h}}                       | spec.rotation.every rotates only a token Hookrelay owns; remove spec.secretRef
        rotation every zero       | Receiver | {type: github, rotation: {every: 0h0m}}                                             | spec.rotation.every is zero; give a period such as 720h, or remove it
        rotation grace in days    | Receiver | {type: github, rotation: {gracePeriod: 2d}}                                         | spec.rotation.gracePeriod: Invalid value
        """)
    void invalidObjectIsRefusedWithAMessageThatSaysWhatToFix(
            String title, String kind, String spec, String expectedMessage, ControlPlane plane, TestNamespace namespace) {
        DynamicKubernetesObject object = Manifests.parse("""
                apiVersion: hookrelay.dev/v1alpha1
                kind: %s
                metadata: {name: invalid}
                spec: %s
                """.formatted(kind, spec)).get(0);

        KubernetesApiResponse<DynamicKubernetesObject> response =
                Manifests.create(plane.adminClient(), namespace.name(), object);

        assertEquals(422, response.getHttpStatusCode(), title + ": " + response.getStatus());
        String message = response.getStatus().getMessage();
        assertTrue(message.contains(expectedMessage), title + ": " + message);
    }
}
