package dev.hookrelay.controller.registration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.micronaut.core.annotation.Nullable;

/** Lenient reads of the providers' JSON. */
final class Json {
    private Json() {
    }

    /** The string at the key, or "" when it is absent or null. */
    static String text(@Nullable JsonObject object, String key) {
        JsonElement value = object == null ? null : object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }

    static boolean flag(JsonObject object, String key, boolean absent) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? absent : value.getAsBoolean();
    }
}
