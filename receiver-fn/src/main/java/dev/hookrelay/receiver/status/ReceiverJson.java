package dev.hookrelay.receiver.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Receiver's JSON as the function reads and writes it, by streaming: of an answer only the
 * fields of {@link ReceiverState} are kept, the rest (spec, conditions, the controller's
 * fields) is skipped unread. Field names and formats are the CRD schema's.
 */
final class ReceiverJson {
    static final JsonFactory JSON = new JsonFactory();

    private ReceiverJson() {
    }

    /**
     * Only the metadata of a Receiver the API server returned, which it writes before spec and
     * status: the rest is not even tokenised.
     */
    static ReceiverState.Identity readMetadata(byte[] receiver) {
        try (JsonParser json = JSON.createParser(receiver)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.START_OBJECT && field.equals("metadata")) {
                    return metadata(json);
                }
                json.skipChildren();
            }
            throw new IOException("no metadata");
        } catch (IOException e) {
            throw new UncheckedIOException("the API server's answer is not a Receiver", e);
        }
    }

    static ReceiverState read(byte[] receiver) {
        try (JsonParser json = JSON.createParser(receiver)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            ReceiverState.Identity identity = null;
            boolean hasStatus = false;
            long eventCount = 0, rejectedCount = 0;
            V1alpha1Rejection lastRejection = null;
            List<V1alpha1ReceivedEvent> recent = List.of();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("metadata") && value == JsonToken.START_OBJECT) {
                    identity = metadata(json);
                } else if (field.equals("status") && value == JsonToken.START_OBJECT) {
                    hasStatus = true;
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String key = json.currentName();
                        JsonToken token = json.nextToken();
                        switch (key) {
                            case "eventCount" -> eventCount = json.getValueAsLong();
                            case "rejectedCount" -> rejectedCount = json.getValueAsLong();
                            case "lastRejection" -> lastRejection = token == JsonToken.START_OBJECT ? rejection(json) : null;
                            case "recentEvents" -> recent = token == JsonToken.START_ARRAY ? events(json) : List.of();
                            default -> json.skipChildren();
                        }
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (identity == null) {
                throw new IOException("no metadata");
            }
            return new ReceiverState(identity, hasStatus, eventCount, rejectedCount, lastRejection, recent);
        } catch (IOException e) {
            throw new UncheckedIOException("the API server's answer is not a Receiver", e);
        }
    }

    private static ReceiverState.Identity metadata(JsonParser json) throws IOException {
        String name = null, namespace = null, uid = null, resourceVersion = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            switch (key) {
                case "name" -> name = json.getValueAsString();
                case "namespace" -> namespace = json.getValueAsString();
                case "uid" -> uid = json.getValueAsString();
                case "resourceVersion" -> resourceVersion = json.getValueAsString();
                default -> json.skipChildren();
            }
        }
        return new ReceiverState.Identity(name, namespace, uid, resourceVersion);
    }

    static void write(JsonGenerator json, V1alpha1ReceivedEvent event) throws IOException {
        json.writeStartObject();
        field(json, "id", event.getId());
        field(json, "type", event.getType());
        field(json, "provider", event.getProvider());
        field(json, "receivedAt", time(event.getReceivedAt()));
        field(json, "repository", event.getRepository());
        field(json, "ref", event.getRef());
        field(json, "revision", event.getRevision());
        field(json, "image", event.getImage());
        field(json, "tag", event.getTag());
        field(json, "sender", event.getSender());
        field(json, "action", event.getAction());
        json.writeEndObject();
    }

    static void write(JsonGenerator json, V1alpha1Rejection rejection) throws IOException {
        json.writeStartObject();
        field(json, "reason", rejection.getReason());
        field(json, "expected", rejection.getExpected());
        field(json, "at", time(rejection.getAt()));
        json.writeEndObject();
    }

    static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static void field(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static List<V1alpha1ReceivedEvent> events(JsonParser json) throws IOException {
        List<V1alpha1ReceivedEvent> events = new ArrayList<>();
        while (json.nextToken() == JsonToken.START_OBJECT) {
            V1alpha1ReceivedEvent event = new V1alpha1ReceivedEvent();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String key = json.currentName();
                json.nextToken();
                String text = json.getValueAsString();
                switch (key) {
                    case "id" -> event.id(text);
                    case "type" -> event.type(text);
                    case "provider" -> event.provider(text);
                    case "receivedAt" -> event.receivedAt(text == null ? null : OffsetDateTime.parse(text));
                    case "repository" -> event.repository(text);
                    case "ref" -> event.ref(text);
                    case "revision" -> event.revision(text);
                    case "image" -> event.image(text);
                    case "tag" -> event.tag(text);
                    case "sender" -> event.sender(text);
                    case "action" -> event.action(text);
                    default -> json.skipChildren();
                }
            }
            events.add(event);
        }
        return events;
    }

    private static V1alpha1Rejection rejection(JsonParser json) throws IOException {
        V1alpha1Rejection rejection = new V1alpha1Rejection();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            json.nextToken();
            String text = json.getValueAsString();
            switch (key) {
                case "reason" -> rejection.reason(text);
                case "expected" -> rejection.expected(text);
                case "at" -> rejection.at(text == null ? null : OffsetDateTime.parse(text));
                default -> json.skipChildren();
            }
        }
        return rejection;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
