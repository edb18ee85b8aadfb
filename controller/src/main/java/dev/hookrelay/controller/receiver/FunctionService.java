package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.Sha256;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.ObjectNames;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.controller.knative.V1KnativeService;
import dev.hookrelay.controller.knative.V1KnativeServiceList;
import dev.hookrelay.controller.kube.EmptyFields;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1KeyToPath;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1SeccompProfile;
import io.kubernetes.client.openapi.models.V1SecretVolumeSource;
import io.kubernetes.client.openapi.models.V1SecurityContext;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Knative Service that runs a Receiver's function: identity in env, the token (and within a
 * rotation's grace window the previous one) mounted, scale to zero, and a hash of the token in
 * the revision template so a rotation rolls out.
 */
@Singleton
class FunctionService {
    static final String TOKEN_HASH_ANNOTATION = HookrelayApi.GROUP + "/token-sha256";
    private static final String PREFIX = "hookrelay-";
    /** How long a Service just created may go without any status from Knative before status says "not ready". */
    private static final Duration KNATIVE_FIRST_ANSWER = Duration.ofSeconds(2);
    private static final String AUTOSCALING = "autoscaling.knative.dev/";
    private static final String CONTAINER = "receiver-fn";
    private static final String TOKEN_VOLUME = "token";
    private static final String PREVIOUS_TOKEN_VOLUME = "previous-token";

    private final KnativeServing knative;
    private final FunctionSettings settings;
    private final Gson gson;
    private final OwnedObjects<V1KnativeService, V1KnativeServiceList> services;

    FunctionService(KnativeServing knative, FunctionSettings settings, ApiClient client) {
        this.knative = knative;
        this.settings = settings;
        this.gson = client.getJSON().getGson();
        this.services = new OwnedObjects<>("Knative Service", V1KnativeService.class, V1KnativeServiceList.class,
                V1KnativeService.GROUP, V1KnativeService.VERSION, V1KnativeService.PLURAL, knative::services, client);
    }

    /** A DNS label (Knative makes it the first label of the host name), unique per Receiver name. */
    static String name(V1alpha1Receiver receiver) {
        String receiverName = receiver.getMetadata().getName();
        String label = receiverName.replace('.', '-');
        // a dotted name would otherwise share its label with the same name written with dashes
        String distinct = label.equals(receiverName) ? label : label + "-" + Sha256.hex(receiverName).substring(0, 8);
        return ObjectNames.derived(PREFIX, distinct, ObjectNames.DNS_LABEL_MAX);
    }

    /**
     * The function's Knative Service as it is now: Knative's URL of the function once it serves
     * the current revision; and, while Knative has not yet written any status for a Service just
     * created, how long to give it before the Receiver reports the function as not ready (Knative
     * answers within moments, and then one status write tells how it went instead of two).
     */
    record Rollout(Optional<String> readyUrl, Optional<Duration> knativeAnswersIn) {
    }

    Rollout ensure(V1alpha1Receiver receiver, Token token, WebhookPath path, RotationState rotation)
            throws ApiException {
        if (!knative.isInstalled()) {
            throw Problem.retried("KnativeServingNotInstalled", "Knative Serving is not installed: the API server does not "
                    + "serve " + V1KnativeService.PLURAL + "." + V1KnativeService.API_VERSION + " (Knative Services); "
                    + "install Knative Serving and Hookrelay provisions the function by itself");
        }
        String name = name(receiver);
        V1KnativeService service = services.ensure(receiver, name, actual -> desired(receiver, name, token, path, rotation))
                .orElseThrow(() -> Problem.retried("KnativeServiceConflict", "Knative Service " + name
                        + " belongs to another owner; delete or rename it so that Hookrelay can create the function"));
        return new Rollout(service.readyUrl(), knativeAnswersIn(service));
    }

    private static Optional<Duration> knativeAnswersIn(V1KnativeService service) {
        OffsetDateTime created = service.getMetadata().getCreationTimestamp();
        if (service.getStatus() != null || created == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(OffsetDateTime.now(), created.plus(KNATIVE_FIRST_ANSWER));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    private V1KnativeService desired(V1alpha1Receiver receiver, String name, Token token, WebhookPath path,
                                     RotationState rotation) {
        JsonObject template = new JsonObject();
        template.add("metadata", gson.toJsonTree(Map.of(
                "labels", Owners.labels(receiver),
                "annotations", revisionAnnotations(token))));
        // client-java starts every list empty; Knative refuses fields it has not enabled even when empty
        JsonObject podSpec = EmptyFields.removed(gson.toJsonTree(podSpec(receiver, token, path, rotation))).getAsJsonObject();
        podSpec.addProperty("containerConcurrency", settings.getContainerConcurrency());
        template.add("spec", podSpec);
        JsonObject spec = new JsonObject();
        spec.add("template", template);
        return new V1KnativeService().metadata(Owners.metadata(receiver, name)).spec(spec);
    }

    private Map<String, String> revisionAnnotations(Token token) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(AUTOSCALING + "min-scale", "0");
        annotations.put(AUTOSCALING + "max-scale", Integer.toString(settings.getMaxScale()));
        annotations.put(AUTOSCALING + "target", Integer.toString(settings.getTarget()));
        annotations.put(AUTOSCALING + "scale-to-zero-pod-retention-period", settings.getScaleToZeroRetention());
        annotations.put(TOKEN_HASH_ANNOTATION, token.sha256());
        return annotations;
    }

    /**
     * Within a rotation's grace window the previous token is mounted too, from Hookrelay's webhook
     * Secret, with the end of the window in env: so the function needs no API access to know it,
     * and the window's start and end each roll a new revision.
     */
    private V1PodSpec podSpec(V1alpha1Receiver receiver, Token token, WebhookPath path, RotationState rotation) {
        List<V1VolumeMount> mounts = new ArrayList<>(List.of(new V1VolumeMount().name(TOKEN_VOLUME)
                .mountPath(FunctionContract.TOKEN_MOUNT_DIR).readOnly(true)));
        List<V1Volume> volumes = new ArrayList<>(List.of(secretVolume(TOKEN_VOLUME, token.secretName(),
                FunctionContract.TOKEN_KEY)));
        List<V1EnvVar> env = env(receiver, path);
        if (rotation.hasPrevious()) {
            mounts.add(new V1VolumeMount().name(PREVIOUS_TOKEN_VOLUME).mountPath(FunctionContract.PREVIOUS_TOKEN_MOUNT_DIR)
                    .readOnly(true));
            volumes.add(secretVolume(PREVIOUS_TOKEN_VOLUME, WebhookSecret.name(receiver), FunctionContract.PREVIOUS_TOKEN_KEY));
            env.add(env(FunctionContract.ENV_PREVIOUS_TOKEN_FILE, FunctionContract.PREVIOUS_TOKEN_FILE));
            env.add(env(FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT, RotationState.format(rotation.previousExpiresAt())));
        }
        V1Container container = new V1Container()
                .name(CONTAINER)
                .image(settings.getImage())
                .ports(List.of(new V1ContainerPort().name("http1").containerPort(FunctionContract.PORT)))
                .env(env)
                .resources(resources())
                .securityContext(restricted())
                .readinessProbe(new V1Probe().httpGet(new V1HTTPGetAction().path(FunctionContract.HEALTH_PATH)))
                .volumeMounts(mounts);
        return new V1PodSpec()
                .serviceAccountName(FunctionAccess.name(receiver.getMetadata().getName()))
                .containers(List.of(container))
                .volumes(volumes);
    }

    private static V1Volume secretVolume(String volume, String secretName, String key) {
        return new V1Volume().name(volume).secret(new V1SecretVolumeSource().secretName(secretName)
                .items(List.of(new V1KeyToPath().key(key).path(key))));
    }

    /** A path that is the credential stays out of the pod spec: the function derives it from its token. */
    private static List<V1EnvVar> env(V1alpha1Receiver receiver, WebhookPath path) {
        List<V1EnvVar> env = new ArrayList<>(List.of(
                env(FunctionContract.ENV_RECEIVER_NAME, receiver.getMetadata().getName()),
                env(FunctionContract.ENV_RECEIVER_NAMESPACE, receiver.getMetadata().getNamespace()),
                env(FunctionContract.ENV_RECEIVER_TYPE, receiver.getSpec().getType()),
                env(FunctionContract.ENV_RECEIVER_EVENTS, String.join(",", receiver.getSpec().getEvents())),
                env(FunctionContract.ENV_SUSPENDED, Boolean.toString(receiver.getSpec().isSuspend())),
                env(FunctionContract.ENV_TOKEN_FILE, FunctionContract.TOKEN_FILE)));
        if (!path.credential()) {
            env.add(env(FunctionContract.ENV_WEBHOOK_PATH, path.path()));
        }
        // only with a filter, so that Receivers without one keep their revision
        if (receiver.getSpec().getFilter() != null) {
            env.add(env(FunctionContract.ENV_RECEIVER_FILTER, receiver.getSpec().getFilter()));
        }
        return env;
    }

    /** An empty value is left out, as Kubernetes itself serializes it, so it never looks like drift. */
    private static V1EnvVar env(String name, String value) {
        return new V1EnvVar().name(name).value(value.isEmpty() ? null : value);
    }

    /** What Pod Security's {@code restricted} level asks of a container; the image runs as a non-root user. */
    private static V1SecurityContext restricted() {
        return new V1SecurityContext()
                .runAsNonRoot(true)
                .allowPrivilegeEscalation(false)
                .capabilities(new V1Capabilities().drop(List.of("ALL")))
                .seccompProfile(new V1SeccompProfile().type("RuntimeDefault"));
    }

    private V1ResourceRequirements resources() {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        limits.put("memory", Quantity.fromString(settings.getMemoryLimit()));
        if (settings.getCpuLimit() != null) {
            limits.put("cpu", Quantity.fromString(settings.getCpuLimit()));
        }
        return new V1ResourceRequirements()
                .requests(Map.of("cpu", Quantity.fromString(settings.getCpuRequest()),
                        "memory", Quantity.fromString(settings.getMemoryRequest())))
                .limits(limits);
    }
}
