package dev.hookrelay.receiver.status;

/** The delivery could not be recorded now; the provider should redeliver later (503 + Retry-After). */
public class StatusUnavailableException extends RuntimeException {
    public StatusUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
