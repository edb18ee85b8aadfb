package dev.hookrelay.controller.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Whether an object as the API server returns it still holds everything the controller wants
 * in it. Fields that the API server or an admission webhook added (defaults) are not drift;
 * a changed or missing field is, and so is a list of another length.
 */
public final class JsonSubset {
    private JsonSubset() {
    }

    public static boolean contains(JsonElement actual, JsonElement wanted) {
        if (wanted == null || wanted.isJsonNull()) {
            return true;
        }
        if (actual == null || actual.isJsonNull()) {
            return false;
        }
        if (wanted.isJsonObject()) {
            return actual.isJsonObject() && containsObject(actual.getAsJsonObject(), wanted.getAsJsonObject());
        }
        if (wanted.isJsonArray()) {
            return actual.isJsonArray() && containsArray(actual.getAsJsonArray(), wanted.getAsJsonArray());
        }
        return wanted.equals(actual);
    }

    private static boolean containsObject(JsonObject actual, JsonObject wanted) {
        for (Map.Entry<String, JsonElement> field : wanted.entrySet()) {
            if (!contains(actual.get(field.getKey()), field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsArray(JsonArray actual, JsonArray wanted) {
        if (actual.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!contains(actual.get(i), wanted.get(i))) {
                return false;
            }
        }
        return true;
    }
}
