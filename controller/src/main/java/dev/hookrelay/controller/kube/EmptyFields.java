package dev.hookrelay.controller.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * client-java's models start every list and map empty, so they serialize fields nobody set as
 * [] and {}. Kubernetes treats those like absent fields, a CRD schema may not even declare
 * them (server-side apply then refuses the object), so they are removed before comparing or
 * applying.
 */
public final class EmptyFields {
    private EmptyFields() {
    }

    /** A copy without empty arrays and objects, recursively; null fields go too. */
    public static JsonElement removed(JsonElement element) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
                JsonElement value = removed(field.getValue());
                if (!isEmpty(value)) {
                    copy.add(field.getKey(), value);
                }
            }
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            List.copyOf(element.getAsJsonArray().asList()).forEach(item -> copy.add(removed(item)));
            return copy;
        }
        return element;
    }

    private static boolean isEmpty(JsonElement value) {
        return value.isJsonNull()
                || value.isJsonObject() && value.getAsJsonObject().isEmpty()
                || value.isJsonArray() && value.getAsJsonArray().isEmpty();
    }
}
