package dev.hookrelay.receiver.kubernetes;

/**
 * A call to the API server that did not succeed: either its answer (a status code and the
 * API server's Status body), or no answer at all ({@link #code()} 0, the cause says why).
 */
public final class ApiCallException extends Exception {
    private final int code;
    private final byte[] body;

    ApiCallException(int code, byte[] body) {
        super("the Kubernetes API server answered " + code);
        this.code = code;
        this.body = body;
    }

    ApiCallException(Throwable cause) {
        super("no answer from the Kubernetes API server: " + cause.getClass().getSimpleName(), cause);
        this.code = 0;
        this.body = new byte[0];
    }

    /** The HTTP status code, or 0 when no answer came. */
    public int code() {
        return code;
    }

    /** The answer's body, usually a metav1.Status; empty when no answer came. */
    public byte[] body() {
        return body.clone();
    }
}
