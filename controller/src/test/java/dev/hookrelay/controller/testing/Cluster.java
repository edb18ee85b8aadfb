package dev.hookrelay.controller.testing;

import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.Eventually;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** What an administrator sees and does in one namespace, the way kubectl would; and what Knative would do. */
public final class Cluster {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String namespace;
    private final ApiClient admin;
    private final GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers;
    private final DynamicKubernetesApi knativeServices;
    private final CoreV1Api core;
    private final RbacAuthorizationV1Api rbac;
    private final CustomObjectsApi customObjects;

    public Cluster(ControlPlane plane, String namespace) {
        this.namespace = namespace;
        this.admin = plane.adminClient();
        this.receivers = new GenericKubernetesApi<>(V1alpha1Receiver.class, V1alpha1ReceiverList.class,
                HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RECEIVERS, admin);
        this.knativeServices = new DynamicKubernetesApi("serving.knative.dev", "v1", "services", admin);
        this.core = new CoreV1Api(admin);
        this.rbac = new RbacAuthorizationV1Api(admin);
        this.customObjects = new CustomObjectsApi(admin);
    }

    public String namespace() {
        return namespace;
    }

    public V1alpha1Receiver createReceiver(String name, V1alpha1ReceiverSpec spec) {
        V1alpha1Receiver receiver = new V1alpha1Receiver()
                .metadata(new V1ObjectMeta().name(name).namespace(namespace)).spec(spec);
        return call(() -> receivers.create(receiver).throwsApiException().getObject());
    }

    public V1alpha1Receiver createReceiver(String name) {
        return createReceiver(name, new V1alpha1ReceiverSpec().type("github").events(List.of("push", "ping")));
    }

    public V1alpha1Receiver createReceiverWithSecret(String name, String secretName) {
        return createReceiver(name, new V1alpha1ReceiverSpec().type("gitlab")
                .secretRef(new V1alpha1SecretRef().name(secretName)));
    }

    public V1alpha1Receiver receiver(String name) {
        return call(() -> receivers.get(namespace, name).throwsApiException().getObject());
    }

    public void deleteReceiver(String name) {
        call(() -> receivers.delete(namespace, name).throwsApiException());
    }

    public void patchReceiver(String name, String mergePatch) {
        call(() -> receivers.patch(namespace, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, new V1Patch(mergePatch))
                .throwsApiException().getObject());
    }

    /** Writes into the Receiver's status as receiver-fn does, through the status subresource. */
    public void patchReceiverStatus(String name, String mergePatch) {
        call(() -> PatchUtils.patch(Object.class, () -> customObjects.patchNamespacedCustomObjectStatus(
                        HookrelayApi.GROUP, HookrelayApi.VERSION, namespace, HookrelayApi.RECEIVERS, name,
                        new V1Patch(mergePatch)).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, admin));
    }

    public V1Condition condition(String receiverName, String type) {
        V1alpha1Receiver receiver = receiver(receiverName);
        return receiver.getStatus() == null ? null : receiver.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /** Waits until Ready has this status and reason for the Receiver's current generation. */
    public V1alpha1Receiver awaitReady(String receiverName, String status, String reason) {
        return Eventually.await("Receiver " + receiverName + " Ready=" + status + " reason " + reason, TIMEOUT, () -> {
            V1alpha1Receiver receiver = receiver(receiverName);
            V1Condition ready = receiver.getStatus() == null ? null : receiver.getStatus().getConditions().stream()
                    .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
            boolean matches = ready != null && status.equals(ready.getStatus()) && reason.equals(ready.getReason())
                    && receiver.getMetadata().getGeneration().equals(ready.getObservedGeneration());
            return matches ? receiver : null;
        });
    }

    public V1Secret secret(String name) {
        return call(() -> core.readNamespacedSecret(name, namespace).execute());
    }

    public void createSecret(String name, Map<String, String> data) {
        V1Secret secret = new V1Secret().metadata(new V1ObjectMeta().name(name).namespace(namespace))
                .data(encoded(data));
        call(() -> core.createNamespacedSecret(namespace, secret).execute());
    }

    public void replaceSecretData(String name, Map<String, String> data) {
        V1Secret secret = secret(name).data(encoded(data));
        call(() -> core.replaceNamespacedSecret(name, namespace, secret).execute());
    }

    public void deleteSecret(String name) {
        call(() -> core.deleteNamespacedSecret(name, namespace).execute());
    }

    public V1ServiceAccount serviceAccount(String name) {
        return call(() -> core.readNamespacedServiceAccount(name, namespace).execute());
    }

    public V1Role role(String name) {
        return call(() -> rbac.readNamespacedRole(name, namespace).execute());
    }

    public void deleteRole(String name) {
        call(() -> rbac.deleteNamespacedRole(name, namespace).execute());
    }

    public V1RoleBinding roleBinding(String name) {
        return call(() -> rbac.readNamespacedRoleBinding(name, namespace).execute());
    }

    /** The Knative Service, or null when there is none. */
    public DynamicKubernetesObject knativeService(String name) {
        var response = knativeServices.get(namespace, name);
        if (response.getHttpStatusCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            return null;
        }
        return call(() -> response.throwsApiException().getObject());
    }

    public DynamicKubernetesObject awaitKnativeService(String name) {
        return Eventually.await("Knative Service " + name, TIMEOUT, () -> knativeService(name));
    }

    /** Edits the Knative Service with a JSON Patch (RFC 6902), as {@code kubectl patch --type=json} does. */
    public void patchKnativeService(String name, String jsonPatch) {
        call(() -> knativeServices.patch(namespace, name, V1Patch.PATCH_FORMAT_JSON_PATCH, new V1Patch(jsonPatch))
                .throwsApiException());
    }

    /** Plays Knative: the Service's current generation is Ready at a URL of Knative's default domain. */
    public String markKnativeServiceReady(String name) {
        return markKnativeServiceReady(name, "http://" + name + "." + namespace + ".example.com");
    }

    /** Plays Knative: the Service's current generation is Ready and served at {@code url}. */
    public String markKnativeServiceReady(String name, String url) {
        DynamicKubernetesObject service = awaitKnativeService(name);
        JsonObject ready = new JsonObject();
        ready.addProperty("type", "Ready");
        ready.addProperty("status", "True");
        // RFC 3339 with seconds, as Knative writes it: OffsetDateTime.toString() drops ":00" seconds, which Knative cannot decode
        ready.addProperty("lastTransitionTime", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        String patch = """
                {"status": {"observedGeneration": %d, "url": "%s", "conditions": [%s]}}"""
                .formatted(service.getMetadata().getGeneration(), url, ready);
        call(() -> PatchUtils.patch(Object.class, () -> customObjects.patchNamespacedCustomObjectStatus(
                        "serving.knative.dev", "v1", namespace, "services", name, new V1Patch(patch)).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, admin));
        return url;
    }

    /** Name and resourceVersion of every object of these kinds in the namespace: any write changes it. */
    public Map<String, String> resourceVersions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        String[][] kinds = {{HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RECEIVERS}, {"", "v1", "secrets"},
                {"", "v1", "serviceaccounts"}, {"rbac.authorization.k8s.io", "v1", "roles"},
                {"rbac.authorization.k8s.io", "v1", "rolebindings"}, {"serving.knative.dev", "v1", "services"}};
        for (String[] kind : kinds) {
            DynamicKubernetesApi api = new DynamicKubernetesApi(kind[0], kind[1], kind[2], admin);
            for (DynamicKubernetesObject object : call(() -> api.list(namespace).throwsApiException().getObject()).getItems()) {
                versions.put(kind[2] + "/" + object.getMetadata().getName(), object.getMetadata().getResourceVersion());
            }
        }
        return versions;
    }

    /**
     * Pod Security admission's verdict on a Pod with this spec in a namespace that enforces the
     * {@code restricted} level (a dry run, nothing is created): null if admitted, else why not.
     */
    public String podSecurityRestrictedRefusal(JsonObject podSpec) {
        String restricted = namespace + "-restricted";
        if (call(() -> core.listNamespace().fieldSelector("metadata.name=" + restricted).execute()).getItems().isEmpty()) {
            call(() -> core.createNamespace(new io.kubernetes.client.openapi.models.V1Namespace().metadata(
                    new V1ObjectMeta().name(restricted).labels(Map.of("pod-security.kubernetes.io/enforce", "restricted"))))
                    .execute());
        }
        JsonObject pod = new JsonObject();
        pod.addProperty("apiVersion", "v1");
        pod.addProperty("kind", "Pod");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", "function-pod");
        metadata.addProperty("namespace", restricted);
        pod.add("metadata", metadata);
        pod.add("spec", podSpec);
        var created = new DynamicKubernetesApi("", "v1", "pods", admin).create(new DynamicKubernetesObject(pod),
                new io.kubernetes.client.util.generic.options.CreateOptions().dryRun("All"));
        return created.isSuccess() ? null : created.getStatus().getMessage();
    }

    public String leaseHolder(String leaseName) {
        var leases = new io.kubernetes.client.openapi.apis.CoordinationV1Api(admin);
        try {
            return leases.readNamespacedLease(leaseName, namespace).execute().getSpec().getHolderIdentity();
        } catch (ApiException e) {
            return null;
        }
    }

    /** A Lease as a replica that just renewed it and then died leaves it behind. */
    public void createLease(String leaseName, String holder, Duration duration) {
        var leases = new io.kubernetes.client.openapi.apis.CoordinationV1Api(admin);
        var now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        var lease = new io.kubernetes.client.openapi.models.V1Lease()
                .metadata(new V1ObjectMeta().name(leaseName).namespace(namespace))
                .spec(new io.kubernetes.client.openapi.models.V1LeaseSpec().holderIdentity(holder)
                        .leaseDurationSeconds((int) duration.toSeconds()).acquireTime(now).renewTime(now).leaseTransitions(0));
        call(() -> leases.createNamespacedLease(namespace, lease).execute());
    }

    /** Another replica writes itself into the Lease, as a split brain or a slow leader would see it. */
    public void stealLease(String leaseName, String thief) {
        var leases = new io.kubernetes.client.openapi.apis.CoordinationV1Api(admin);
        String patch = """
                {"spec": {"holderIdentity": "%s", "renewTime": "%s"}}""".formatted(thief,
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")));
        call(() -> PatchUtils.patch(io.kubernetes.client.openapi.models.V1Lease.class,
                () -> leases.patchNamespacedLease(leaseName, namespace, new V1Patch(patch)).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, admin));
    }

    public List<CoreV1Event> eventsAbout(String receiverName) {
        return call(() -> core.listNamespacedEvent(namespace)
                .fieldSelector("involvedObject.name=" + receiverName + ",involvedObject.kind=Receiver")
                .execute().getItems());
    }

    private static Map<String, byte[]> encoded(Map<String, String> data) {
        return data.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> T call(ApiCall<T> call) {
        try {
            return call.run();
        } catch (ApiException e) {
            throw new IllegalStateException("the API server answered " + e.getCode() + ": " + e.getMessage()
                    + " " + e.getResponseBody(), e);
        }
    }

    @FunctionalInterface
    private interface ApiCall<T> {
        T run() throws ApiException;
    }
}
