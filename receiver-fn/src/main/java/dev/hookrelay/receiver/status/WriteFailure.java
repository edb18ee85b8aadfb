package dev.hookrelay.receiver.status;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
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

    static WriteFailure of(ApiException e) {
        return switch (e.getCode()) {
            case 0 -> neverSent(e.getCause()) ? NOT_WRITTEN : UNKNOWN;
            case 409 -> STALE;
            case 422 -> failedTest(e) ? STALE : INVALID;
            case 500, 502, 504 -> UNKNOWN;
            default -> NOT_WRITTEN;
        };
    }

    /** A connection that never opened, unless it was the client's retry of an attempt that did send. */
    private static boolean neverSent(Throwable cause) {
        return (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SSLHandshakeException)
                && cause.getSuppressed().length == 0;
    }

    /** The fields an invalid write was refused for (never their values, which come from a payload). */
    static String invalidFields(ApiException e) {
        try {
            JsonObject details = JsonParser.parseString(e.getResponseBody()).getAsJsonObject().getAsJsonObject("details");
            List<String> fields = new ArrayList<>();
            details.getAsJsonArray("causes").forEach(cause -> {
                JsonElement field = cause.getAsJsonObject().get("field");
                fields.add(field == null ? "?" : field.getAsString());
            });
            return String.join(", ", fields);
        } catch (RuntimeException notAStatus) {
            return "an unknown field";
        }
    }

    /**
     * A JSON Patch whose test op fails is answered 422 like an invalid object, but without the
     * field causes that schema validation always lists.
     */
    private static boolean failedTest(ApiException e) {
        try {
            JsonObject details = JsonParser.parseString(e.getResponseBody()).getAsJsonObject().getAsJsonObject("details");
            return details == null || !details.has("causes");
        } catch (RuntimeException notAStatus) {
            return false;
        }
    }
}
