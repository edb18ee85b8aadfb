package dev.hookrelay.controller.receiver;

/**
 * Why a Receiver cannot be provisioned, said so that a person knows what to do next. A
 * problem that an event of the watched kinds does not end (Knative Serving appearing, a
 * foreign object going away) is retried with backoff.
 */
final class Problem extends RuntimeException {
    private final String reason;
    private final boolean retry;

    private Problem(String reason, String message, boolean retry) {
        super(message, null, false, false);
        this.reason = reason;
        this.retry = retry;
    }

    /** Waits for a change of the Receiver or of an object the controller watches. */
    static Problem awaitingChange(String reason, String message) {
        return new Problem(reason, message, false);
    }

    /** Checked again with backoff, because no watched object announces the fix. */
    static Problem retried(String reason, String message) {
        return new Problem(reason, message, true);
    }

    String reason() {
        return reason;
    }

    boolean retry() {
        return retry;
    }
}
