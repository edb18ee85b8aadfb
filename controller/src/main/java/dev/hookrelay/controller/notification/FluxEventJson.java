package dev.hookrelay.controller.notification;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flux's event JSON, read strictly (an error names the field) and written as Flux writes it.
 * Metadata keys prefixed with the involved object's API group are kept without the prefix, and
 * the group's checksum and digest keys are dropped, as Flux's notification-controller does.
 */
final class FluxEventJson {
    private FluxEventJson() {
    }

    static FluxEvent parse(byte[] body) throws MalformedEventException {
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new MalformedEventException("the body must be a JSON object (a Flux event)");
            }
            json = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new MalformedEventException("the body is not JSON: send a Flux event as application/json");
        }
        JsonObject object = object(json, "involvedObject");
        FluxEvent.InvolvedObject involved = new FluxEvent.InvolvedObject(optional(object, "apiVersion", "involvedObject."),
                required(object, "kind", "involvedObject."), required(object, "namespace", "involvedObject."),
                required(object, "name", "involvedObject."), optional(object, "uid", "involvedObject."));
        String severity = required(json, "severity", "");
        if (!FluxEvent.INFO.equals(severity) && !FluxEvent.ERROR.equals(severity)) {
            throw new MalformedEventException("severity is '" + severity + "'; it must be info or error");
        }
        return new FluxEvent(involved, severity, timestamp(json), required(json, "message", ""),
                required(json, "reason", ""), metadata(json, involved.group()),
                required(json, "reportingController", ""), optional(json, "reportingInstance", ""));
    }

    static JsonObject write(FluxEvent event) {
        JsonObject object = new JsonObject();
        FluxEvent.InvolvedObject involved = event.involvedObject();
        addIfSet(object, "kind", involved.kind());
        addIfSet(object, "namespace", involved.namespace());
        addIfSet(object, "name", involved.name());
        addIfSet(object, "uid", involved.uid());
        addIfSet(object, "apiVersion", involved.apiVersion());
        JsonObject json = new JsonObject();
        json.add("involvedObject", object);
        json.addProperty("severity", event.severity());
        json.addProperty("timestamp", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.timestamp()));
        json.addProperty("message", event.message());
        json.addProperty("reason", event.reason());
        if (!event.metadata().isEmpty()) {
            JsonObject metadata = new JsonObject();
            new java.util.TreeMap<>(event.metadata()).forEach(metadata::addProperty);
            json.add("metadata", metadata);
        }
        json.addProperty("reportingController", event.reportingController());
        addIfSet(json, "reportingInstance", event.reportingInstance());
        return json;
    }

    private static void addIfSet(JsonObject json, String key, String value) {
        if (value != null && !value.isEmpty()) {
            json.addProperty(key, value);
        }
    }

    private static JsonObject object(JsonObject json, String field) throws MalformedEventException {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonObject()) {
            throw new MalformedEventException(field + " is missing or not an object; it names the object the event is about"
                    + " (kind, namespace, name)");
        }
        return value.getAsJsonObject();
    }

    private static String required(JsonObject json, String field, String path) throws MalformedEventException {
        String value = optional(json, field, path);
        if (value == null || value.isEmpty()) {
            throw new MalformedEventException(path + field + " is missing or empty");
        }
        return value;
    }

    private static String optional(JsonObject json, String field, String path) throws MalformedEventException {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new MalformedEventException(path + field + " must be a string");
        }
        return value.getAsString();
    }

    private static OffsetDateTime timestamp(JsonObject json) throws MalformedEventException {
        String value = required(json, "timestamp", "");
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("timestamp '" + value + "' is not an RFC 3339 time such as 2026-11-30T12:00:00Z");
        }
    }

    private static Map<String, String> metadata(JsonObject json, String group) throws MalformedEventException {
        JsonElement value = json.get("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null || value.isJsonNull()) {
            return metadata;
        }
        if (!value.isJsonObject()) {
            throw new MalformedEventException("metadata must be an object of strings");
        }
        String prefix = group.isEmpty() ? "" : group + "/";
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            if (!entry.getValue().isJsonPrimitive()) {
                throw new MalformedEventException("metadata." + entry.getKey() + " must be a string");
            }
            String key = entry.getKey();
            if (!prefix.isEmpty() && key.startsWith(prefix)) {
                key = key.substring(prefix.length());
                if (key.equals("checksum") || key.equals("digest")) {
                    continue;
                }
            } else if (!prefix.isEmpty()) {
                continue;
            }
            metadata.put(key, entry.getValue().getAsString());
        }
        return metadata;
    }
}
