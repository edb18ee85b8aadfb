package dev.hookrelay.controller.notification;

import dev.hookrelay.api.CustomObject;
import dev.hookrelay.api.V1alpha1ReadyStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.util.List;
import java.util.Set;

/** Writes the Ready condition of a Provider or an Alert, whose whole status the controller alone writes, when it changed. */
final class ReadyStatusWriter<T extends CustomObject<?, V1alpha1ReadyStatus, T>> {
    static final String READY = "Ready";
    static final String FIELD_MANAGER = "hookrelay-notification";

    private final StatusApply status;

    ReadyStatusWriter(ApiClient client, String kind, String plural) {
        this.status = new StatusApply(client, kind, plural, FIELD_MANAGER, Set.of("observedGeneration"), Set.of(READY));
    }

    void write(T object, boolean ready, String reason, String message) throws ApiException {
        long generation = Conditions.generation(object);
        V1alpha1ReadyStatus current = object.getStatus() == null ? new V1alpha1ReadyStatus() : object.getStatus();
        V1alpha1ReadyStatus wanted = new V1alpha1ReadyStatus().observedGeneration(generation).conditions(List.of(
                Conditions.next(current.getConditions(), READY, ready, reason, message, generation)));
        status.apply(object, object.getStatus(), wanted);
    }
}
