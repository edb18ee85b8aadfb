package dev.hookrelay.controller.notification;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.hookrelay.api.CustomObject;
import dev.hookrelay.api.V1alpha1ReadyStatus;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.StatusSubresource;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.util.List;

/** Writes the Ready condition of a Provider or an Alert, whose whole status the controller alone writes, when it changed. */
final class ReadyStatusWriter<T extends CustomObject<?, V1alpha1ReadyStatus, T>> {
    static final String READY = "Ready";

    private final StatusSubresource<T> objects;
    private final Gson gson;

    ReadyStatusWriter(ApiClient client, Class<T> type, String plural) {
        this.objects = new StatusSubresource<>(client, type, plural);
        this.gson = client.getJSON().getGson();
    }

    void write(T object, boolean ready, String reason, String message) throws ApiException {
        long generation = object.getMetadata().getGeneration() == null ? 0 : object.getMetadata().getGeneration();
        V1alpha1ReadyStatus current = object.getStatus() == null ? new V1alpha1ReadyStatus() : object.getStatus();
        V1alpha1ReadyStatus wanted = new V1alpha1ReadyStatus().observedGeneration(generation).conditions(List.of(
                Conditions.next(current.getConditions(), READY, ready, reason, message, generation)));
        JsonObject wantedJson = gson.toJsonTree(wanted).getAsJsonObject();
        if (object.getStatus() != null && wantedJson.equals(gson.toJsonTree(object.getStatus()))) {
            return;
        }
        JsonObject patch = new JsonObject();
        patch.add("status", wantedJson);
        objects.mergePatch(object.getMetadata().getNamespace(), object.getMetadata().getName(), patch);
    }
}
