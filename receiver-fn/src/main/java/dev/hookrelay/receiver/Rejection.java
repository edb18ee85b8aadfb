package dev.hookrelay.receiver;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Every way a delivery is turned away, with its status code, the name used in metrics, and
 * whether it shows in status.rejectedCount: deliveries that reached this Receiver's path but
 * failed verification or were not in the provider's format, what a provider's user needs to see.
 */
enum Rejection {
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", false),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", false),
    TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", false),
    /** Too many bodies for the webhook path arriving at once. */
    BUSY(HttpStatus.SERVICE_UNAVAILABLE, "busy", false),
    /** The body did not arrive within hookrelay.intake.body-timeout; the connection is closed. */
    BODY_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "body-timeout", false),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", true),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", true),
    MALFORMED(HttpStatus.BAD_REQUEST, "malformed", true),
    SUSPENDED(HttpStatus.SERVICE_UNAVAILABLE, "suspended", false),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", false);

    /** Seconds a provider should wait before redelivering after a 503. */
    static final String RETRY_AFTER_SECONDS = "10";
    /** What an unknown path and a wrong digest both answer, so neither reveals a Receiver. */
    static final String NO_WEBHOOK_HERE = "no webhook is served at this path";

    private final HttpStatus status;
    private final String metricName;
    private final boolean shownInStatus;

    Rejection(HttpStatus status, String metricName, boolean shownInStatus) {
        this.status = status;
        this.metricName = metricName;
        this.shownInStatus = shownInStatus;
    }

    HttpStatus status() {
        return status;
    }

    String metricName() {
        return metricName;
    }

    boolean shownInStatus() {
        return shownInStatus;
    }

    MutableHttpResponse<HookReply> response(String reason) {
        MutableHttpResponse<HookReply> response = HttpResponse.<HookReply>status(status)
                .body(HookReply.error(metricName, reason));
        return status == HttpStatus.SERVICE_UNAVAILABLE ? response.header("Retry-After", RETRY_AFTER_SECONDS) : response;
    }
}
