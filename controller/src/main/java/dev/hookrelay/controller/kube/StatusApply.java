package dev.hookrelay.controller.kube;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One status writer's fields of a hookrelay.dev object, written by server-side apply of the
 * status subresource under that writer's own field manager. The API server merges the applied
 * fields with what other writers own (conditions are a list keyed by type), and removes a field
 * this manager applied before and leaves out now, so no writer reads, merges or sends back
 * another's fields, and none needs a resourceVersion precondition. Force: every field has exactly
 * one writer, so a conflict can only be with a merge patch an older controller made, which this
 * takes over. Nothing is sent while the object already shows these fields as wanted: a
 * reconcile that changes nothing makes no request.
 */
public final class StatusApply {
    private static final String CONDITIONS = "conditions";

    private final ApiClient client;
    private final CustomObjectsApi api;
    private final Gson gson;
    private final String kind;
    private final String plural;
    private final String fieldManager;
    private final Set<String> fields;
    private final Set<String> conditionTypes;

    /**
     * {@code fields}: the status fields this writer owns, besides conditions; {@code conditionTypes}:
     * the types of the conditions it owns.
     */
    public StatusApply(ApiClient client, String kind, String plural, String fieldManager, Set<String> fields,
                       Set<String> conditionTypes) {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.gson = client.getJSON().getGson();
        this.kind = kind;
        this.plural = plural;
        this.fieldManager = fieldManager;
        this.fields = Set.copyOf(fields);
        this.conditionTypes = Set.copyOf(conditionTypes);
    }

    /**
     * Makes the object's status show {@code wanted} (JSON, or a status model object) for this
     * writer's fields (a field left out is removed) unless it does already; returns whether it
     * wrote. {@code current} is the object's status as read (the model class), null when it has none.
     */
    public boolean apply(KubernetesObject object, @Nullable Object current, Object wantedStatus) throws ApiException {
        JsonObject wanted = wantedStatus instanceof JsonObject json ? json : gson.toJsonTree(wantedStatus).getAsJsonObject();
        for (String field : wanted.keySet()) {
            if (!fields.contains(field) && !CONDITIONS.equals(field)) {
                throw new IllegalArgumentException(fieldManager + " does not own status." + field);
            }
        }
        JsonObject shown = current == null ? new JsonObject() : gson.toJsonTree(current).getAsJsonObject();
        if (owned(shown).equals(owned(wanted))) {
            return false;
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("name", object.getMetadata().getName());
        metadata.addProperty("namespace", object.getMetadata().getNamespace());
        JsonObject applied = new JsonObject();
        applied.addProperty("apiVersion", HookrelayApi.API_VERSION);
        applied.addProperty("kind", kind);
        applied.add("metadata", metadata);
        applied.add("status", wanted);
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                        HookrelayApi.VERSION, object.getMetadata().getNamespace(), plural, object.getMetadata().getName(),
                        new V1Patch(applied.toString())).fieldManager(fieldManager).force(true).buildCall(null),
                V1Patch.PATCH_FORMAT_APPLY_YAML, client);
        return true;
    }

    /** This writer's fields of a status, its conditions by type: what an apply would change. */
    private JsonObject owned(JsonObject status) {
        JsonObject owned = new JsonObject();
        for (String field : fields) {
            JsonElement value = status.get(field);
            if (value != null && !value.isJsonNull()) {
                owned.add(field, value);
            }
        }
        Map<String, JsonElement> conditions = new TreeMap<>();
        JsonElement all = status.get(CONDITIONS);
        if (all != null && all.isJsonArray()) {
            for (JsonElement condition : all.getAsJsonArray()) {
                JsonElement type = condition.getAsJsonObject().get("type");
                if (type != null && conditionTypes.contains(type.getAsString())) {
                    conditions.put(type.getAsString(), condition);
                }
            }
        }
        if (!conditions.isEmpty()) {
            JsonArray sorted = new JsonArray();
            conditions.values().forEach(sorted::add);
            owned.add(CONDITIONS, sorted);
        }
        return owned;
    }
}
