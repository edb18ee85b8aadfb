package dev.hookrelay.api.filter;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import dev.cel.common.values.NullValue;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values filters see, built the same way in the function and the controller. */
public final class FilterValues {
    private FilterValues() {
    }

    /** {@code event}: every field of {@link FilterLanguage#EVENT_FIELDS}, empty where the delivery has none. */
    public static Map<String, String> event(V1alpha1ReceivedEvent event) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", orEmpty(event.getId()));
        values.put("type", orEmpty(event.getType()));
        values.put("provider", orEmpty(event.getProvider()));
        values.put("repository", orEmpty(event.getRepository()));
        values.put("ref", orEmpty(event.getRef()));
        values.put("revision", orEmpty(event.getRevision()));
        values.put("image", orEmpty(event.getImage()));
        values.put("tag", orEmpty(event.getTag()));
        values.put("sender", orEmpty(event.getSender()));
        values.put("action", orEmpty(event.getAction()));
        return values;
    }

    /** {@code target}: the candidate's metadata a filter may look at. */
    public static Map<String, Object> target(V1ObjectMeta metadata) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", orEmpty(metadata.getName()));
        meta.put("namespace", orEmpty(metadata.getNamespace()));
        meta.put("labels", metadata.getLabels() == null ? Map.of() : metadata.getLabels());
        meta.put("annotations", metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
        return Map.of("metadata", meta);
    }

    /** {@code body}: the JSON document as CEL values (objects, lists, strings, numbers, bools, null); an empty map when it is not JSON. */
    public static Object json(byte[] document) {
        try {
            return value(JsonParser.parseString(new String(document, StandardCharsets.UTF_8)));
        } catch (JsonSyntaxException | IllegalStateException e) {
            return Map.of();
        }
    }

    private static Object value(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return NullValue.NULL_VALUE;
        }
        if (element instanceof JsonObject object) {
            Map<String, Object> map = new LinkedHashMap<>();
            object.entrySet().forEach(e -> map.put(e.getKey(), value(e.getValue())));
            return map;
        }
        if (element instanceof JsonArray array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(e -> list.add(value(e)));
            return list;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            BigDecimal number = primitive.getAsBigDecimal();
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number.doubleValue();
            }
        }
        return primitive.getAsString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
