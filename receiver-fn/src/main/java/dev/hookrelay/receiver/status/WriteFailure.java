package dev.hookrelay.receiver.status;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hookrelay.receiver.kubernetes.ApiCallException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;

/** What a failed status PATCH means for the deliveries in it. */
enum WriteFailure {
    /** A tested counter moved (another function instance wrote): re-read and merge again. */
    STALE,
    /** The API server refused the content as invalid (422): no delivery in it was recorded. */
    INVALID,
    /** The request may have committed (timeout, connection lost after sending, 500/504): read back. */
    UNKNOWN,
    /** Certainly not committed (never sent, or refused): answer 503. */
    NOT_WRITTEN;

    static WriteFailure of(ApiCallException e) {
        return switch (e.code()) {
            case 0 -> neverSent(e.getCause()) ? NOT_WRITTEN : UNKNOWN;
            case 409 -> STALE;
            case 422 -> failedTest(e) ? STALE : INVALID;
            case 500, 502, 504 -> UNKNOWN;
            default -> NOT_WRITTEN;
        };
    }

    /** A connection that never opened: the request cannot have reached the API server. */
    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause instanceof UnknownHostException || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException;
    }

    /** The fields an invalid write was refused for (never their values, which come from a payload). */
    static String invalidFields(ApiCallException e) {
        try {
            List<String> fields = causeFields(e);
            return fields == null || fields.isEmpty() ? "an unknown field" : String.join(", ", fields);
        } catch (IOException notAStatus) {
            return "an unknown field";
        }
    }

    /**
     * A JSON Patch whose test op fails is answered 422 like an invalid object, but without the
     * field causes that schema validation always lists.
     */
    private static boolean failedTest(ApiCallException e) {
        try {
            return causeFields(e) == null;
        } catch (IOException notAStatus) {
            return false;
        }
    }

    /** The {@code field} of each of a metav1.Status's details.causes, or null when it lists no causes. */
    private static List<String> causeFields(ApiCallException e) throws IOException {
        try (JsonParser json = ReceiverJson.JSON.createParser(e.body())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a Status");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.START_OBJECT && field.equals("details")) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String key = json.currentName();
                        if (json.nextToken() == JsonToken.START_ARRAY && key.equals("causes")) {
                            return fields(json);
                        }
                        json.skipChildren();
                    }
                    return null;
                }
                json.skipChildren();
            }
            return null;
        }
    }

    private static List<String> fields(JsonParser causes) throws IOException {
        List<String> fields = new ArrayList<>();
        while (causes.nextToken() == JsonToken.START_OBJECT) {
            String field = "?";
            while (causes.nextToken() == JsonToken.FIELD_NAME) {
                String key = causes.currentName();
                causes.nextToken();
                if (key.equals("field")) {
                    field = causes.getValueAsString();
                } else {
                    causes.skipChildren();
                }
            }
            fields.add(field);
        }
        return fields;
    }
}
