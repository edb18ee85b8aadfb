package dev.hookrelay.receiver.status;

import io.kubernetes.client.openapi.ApiException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
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

    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException || cause instanceof SSLHandshakeException;
    }

    /** The API server answers a JSON Patch whose test op fails with 422 "testing value ... failed". */
    private static boolean failedTest(ApiException e) {
        String body = e.getResponseBody();
        return body != null && body.toLowerCase(Locale.ROOT).contains("testing value");
    }
}
