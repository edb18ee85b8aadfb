package dev.hookrelay.receiver.provider;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;

/**
 * Reads delivery bodies into Micronaut's JSON tree and picks fields out of it.
 *
 * <p>The tree is built by micronaut-jackson-core's streaming codec rather than
 * {@code JsonMapper.createDefault()}: with micronaut-serde that call starts a second bean
 * context (about 0.75 s on two cores), where the codec needs only a Jackson parser. Nothing here
 * binds to classes, so there is no reflection and no introspection.
 *
 * <p>Error messages say where the JSON breaks, never what it holds: Jackson's own messages
 * quote the offending token, which may be payload content.
 */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** The body as a JSON object, or a MalformedPayloadException saying why it is not one. */
    static JsonNode object(byte[] body) throws MalformedPayloadException {
        if (body.length == 0) {
            throw new MalformedPayloadException("body is not valid JSON: the body is empty");
        }
        JsonNode node;
        try (JsonParser parser = FACTORY.createParser(body)) {
            node = JsonNodeTreeCodec.getInstance().readTree(parser);
            if (parser.nextToken() != null) {
                throw new MalformedPayloadException("body is not valid JSON: more content follows the JSON value at "
                        + where(parser));
            }
        } catch (StreamReadException e) {
            throw new MalformedPayloadException("body is not valid JSON: " + reason(e));
        } catch (IOException e) {
            throw new MalformedPayloadException("body is not valid JSON: it cannot be read");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedPayloadException("body is not a JSON object");
        }
        return node;
    }

    /**
     * The node at {@code path} below {@code node}, or null when any step is absent. A step is an
     * object field name, or a decimal index where the node is an array.
     */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            if (current == null) {
                return null;
            }
            current = current.isArray() ? element(current, step) : current.isObject() ? current.get(step) : null;
        }
        return current;
    }

    /** The scalar at {@code path} as text (numbers and booleans too), or null when absent, null or not a scalar. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.coerceStringValue();
    }

    /** {@code preferred} unless it is null, then {@code fallback}: for fields that moved between payload versions. */
    static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    private static JsonNode element(JsonNode array, String step) {
        try {
            int index = Integer.parseInt(step);
            return index >= 0 && index < array.size() ? array.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String reason(StreamReadException e) {
        String what = e instanceof JsonEOFException ? "the body ends before the JSON value does" : "unexpected character";
        JsonLocation location = e.getLocation();
        return location == null ? what : what + " at " + where(location);
    }

    private static String where(JsonParser parser) {
        return where(parser.currentLocation());
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
