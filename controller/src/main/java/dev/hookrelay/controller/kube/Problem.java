package dev.hookrelay.controller.kube;

/**
 * Why something the controller keeps (a Receiver's objects, a target to poke) is not as wanted,
 * said so that a person knows what to do next: a reason for a condition and a message. One that
 * waits for a person changes the spec, or an object the controller watches; one that no watch
 * announces the end of (Knative Serving appearing, a target created, the API server back) is
 * retried with backoff.
 */
public class Problem extends RuntimeException {
    private final String reason;
    private final boolean retry;

    protected Problem(String reason, String message, boolean retry) {
        super(message, null, false, false);
        this.reason = reason;
        this.retry = retry;
    }

    /** Waits for a change of the Receiver or of an object the controller watches. */
    public static Problem awaitingChange(String reason, String message) {
        return new Problem(reason, message, false);
    }

    /** Checked again with backoff, because no watched object announces the fix. */
    public static Problem retried(String reason, String message) {
        return new Problem(reason, message, true);
    }

    public String reason() {
        return reason;
    }

    public boolean retry() {
        return retry;
    }
}
