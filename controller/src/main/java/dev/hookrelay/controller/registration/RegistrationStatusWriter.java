package dev.hookrelay.controller.registration;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1RegistrationStatus;
import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.util.PatchUtils;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Writes the registration's part of a Receiver's status, status.registration and the Registered
 * condition, by server-side apply with a field manager of its own: the API server merges them
 * into what the other writers own (conditions are a map keyed by type), so nobody's write
 * conflicts with this one, and leaving a field out of the applied object removes it.
 */
@Singleton
class RegistrationStatusWriter {
    static final String REGISTERED = "Registered";
    static final String FIELD_MANAGER = "hookrelay-registration";

    private final ApiClient client;
    private final CustomObjectsApi api;
    private final Gson gson;
    private final Duration verifyPeriod;

    RegistrationStatusWriter(ApiClient client, RegistrationSettings settings) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.gson = client.getJSON().getGson();
        this.verifyPeriod = settings.getVerifyPeriod();
    }

    /**
     * The webhook as read back, Registered True; {@code secretSet}: the provider has just confirmed
     * its secret set to the Receiver's token. Returns whether the condition changed.
     */
    boolean registered(V1alpha1Receiver receiver, HookLocation location, Hook hook, boolean secretSet, String message)
            throws ApiException {
        V1alpha1RegistrationStatus registration = location.into(new V1alpha1RegistrationStatus().hookID(hook.id())
                .url(hook.url()).events(List.copyOf(hook.events())));
        V1alpha1RegistrationStatus current = current(receiver);
        boolean fresh = current != null && current.getLastVerifiedAt() != null
                && current.getLastVerifiedAt().isAfter(OffsetDateTime.now().minus(verifyPeriod.dividedBy(2)));
        registration.lastVerifiedAt(fresh && sameHook(current, registration) ? current.getLastVerifiedAt()
                : OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        // to the millisecond: a rotation compares it with when the function began to serve the new token
        registration.secretSetAt(secretSet ? OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)
                : current == null ? null : current.getSecretSetAt());
        return write(receiver, registration, condition(receiver, "True", "Registered", message));
    }

    /** Registered False with what to fix; status.registration stays as it was. */
    boolean problem(V1alpha1Receiver receiver, String reason, String message) throws ApiException {
        return write(receiver, current(receiver), condition(receiver, "False", reason, message));
    }

    /** Neither status.registration nor Registered: the Receiver no longer asks for a webhook. */
    void clear(V1alpha1Receiver receiver) throws ApiException {
        if (current(receiver) != null || Conditions.find(conditions(receiver), REGISTERED) != null) {
            apply(receiver, null, null);
        }
    }

    private boolean write(V1alpha1Receiver receiver, @Nullable V1alpha1RegistrationStatus registration,
                          V1Condition condition) throws ApiException {
        V1Condition before = Conditions.find(conditions(receiver), REGISTERED);
        boolean conditionChanged = !Conditions.isUnchanged(conditions(receiver), condition);
        if (!conditionChanged && Objects.equals(json(current(receiver)), json(registration))) {
            return false;
        }
        apply(receiver, registration, condition);
        return before == null || !Objects.equals(before.getStatus(), condition.getStatus())
                || !Objects.equals(before.getReason(), condition.getReason());
    }

    private void apply(V1alpha1Receiver receiver, @Nullable V1alpha1RegistrationStatus registration,
                       @Nullable V1Condition condition) throws ApiException {
        JsonObject status = new JsonObject();
        if (registration != null) {
            status.add("registration", gson.toJsonTree(registration));
        }
        if (condition != null) {
            JsonArray conditions = new JsonArray();
            conditions.add(gson.toJsonTree(condition));
            status.add("conditions", conditions);
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", receiver.getMetadata().getName());
        metadata.addProperty("namespace", receiver.getMetadata().getNamespace());
        JsonObject object = new JsonObject();
        object.addProperty("apiVersion", HookrelayApi.API_VERSION);
        object.addProperty("kind", "Receiver");
        object.add("metadata", metadata);
        object.add("status", status);
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                        HookrelayApi.VERSION, receiver.getMetadata().getNamespace(), HookrelayApi.RECEIVERS,
                        receiver.getMetadata().getName(), new V1Patch(object.toString()))
                        .fieldManager(FIELD_MANAGER).force(true).buildCall(null),
                V1Patch.PATCH_FORMAT_APPLY_YAML, client);
    }

    private static V1Condition condition(V1alpha1Receiver receiver, String status, String reason, String message) {
        long generation = receiver.getMetadata().getGeneration() == null ? 0 : receiver.getMetadata().getGeneration();
        return Conditions.next(conditions(receiver), REGISTERED, status, reason, message, generation);
    }

    private static boolean sameHook(V1alpha1RegistrationStatus a, V1alpha1RegistrationStatus b) {
        return Objects.equals(a.getHookID(), b.getHookID()) && Objects.equals(a.getUrl(), b.getUrl())
                && Objects.equals(a.getEvents(), b.getEvents());
    }

    private String json(@Nullable V1alpha1RegistrationStatus registration) {
        return registration == null ? null : gson.toJson(registration);
    }

    @Nullable
    private static V1alpha1RegistrationStatus current(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? null : receiver.getStatus().getRegistration();
    }

    private static List<V1Condition> conditions(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? List.of() : receiver.getStatus().getConditions();
    }
}
