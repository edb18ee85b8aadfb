package dev.hookrelay.controller.registration;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.api.V1alpha1RegistrationStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Writes the registration's part of a Receiver's status, status.registration and the Registered condition. */
@Singleton
class RegistrationStatusWriter {
    static final String REGISTERED = "Registered";
    static final String FIELD_MANAGER = "hookrelay-registration";

    private final StatusApply status;
    private final Duration verifyPeriod;

    RegistrationStatusWriter(ApiClient client, RegistrationSettings settings) {
        this.status = new StatusApply(client, "Receiver", HookrelayApi.RECEIVERS, FIELD_MANAGER, Set.of("registration"),
                Set.of(REGISTERED));
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
        status.apply(receiver, receiver.getStatus(), new V1alpha1ReceiverStatus());
    }

    /** Returns whether the condition changed its status or reason. */
    private boolean write(V1alpha1Receiver receiver, @Nullable V1alpha1RegistrationStatus registration,
                          V1Condition condition) throws ApiException {
        V1Condition before = Conditions.find(conditions(receiver), REGISTERED);
        V1alpha1ReceiverStatus wanted = new V1alpha1ReceiverStatus().registration(registration).conditions(List.of(condition));
        if (!status.apply(receiver, receiver.getStatus(), wanted)) {
            return false;
        }
        return before == null || !Objects.equals(before.getStatus(), condition.getStatus())
                || !Objects.equals(before.getReason(), condition.getReason());
    }

    private static V1Condition condition(V1alpha1Receiver receiver, String status, String reason, String message) {
        long generation = Conditions.generation(receiver);
        return Conditions.next(conditions(receiver), REGISTERED, status, reason, message, generation);
    }

    private static boolean sameHook(V1alpha1RegistrationStatus a, V1alpha1RegistrationStatus b) {
        return Objects.equals(a.getHookID(), b.getHookID()) && Objects.equals(a.getUrl(), b.getUrl())
                && Objects.equals(a.getEvents(), b.getEvents());
    }

    @Nullable
    private static V1alpha1RegistrationStatus current(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? null : receiver.getStatus().getRegistration();
    }

    private static List<V1Condition> conditions(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? List.of() : receiver.getStatus().getConditions();
    }
}
