package dev.hookrelay.api;

/**
 * What the controller hands to each Receiver's function and the function relies on:
 * its identity in environment variables, its token in a mounted file, and the webhook path
 * both derive from that token.
 */
public final class FunctionContract {
    public static final String ENV_RECEIVER_NAME = "HOOKRELAY_RECEIVER_NAME";
    public static final String ENV_RECEIVER_NAMESPACE = "HOOKRELAY_RECEIVER_NAMESPACE";
    public static final String ENV_RECEIVER_TYPE = "HOOKRELAY_RECEIVER_TYPE";
    /** Comma-separated event types to record; empty records every event. */
    public static final String ENV_RECEIVER_EVENTS = "HOOKRELAY_RECEIVER_EVENTS";
    /** spec.filter, a CEL expression ({@code dev.hookrelay.api.filter.FilterLanguage}); absent records every delivery. */
    public static final String ENV_RECEIVER_FILTER = "HOOKRELAY_RECEIVER_FILTER";
    /** "true" while spec.suspend is set: the function answers 503. */
    public static final String ENV_SUSPENDED = "HOOKRELAY_SUSPENDED";
    public static final String ENV_TOKEN_FILE = "HOOKRELAY_TOKEN_FILE";

    /** The key of the Secret that holds the token. */
    public static final String TOKEN_KEY = "token";
    public static final String TOKEN_MOUNT_DIR = "/var/run/secrets/hookrelay";
    public static final String TOKEN_FILE = TOKEN_MOUNT_DIR + "/" + TOKEN_KEY;
    /**
     * Shortest token accepted. For dockerhub, quay and acr, which cannot sign, the webhook path is
     * the only secret: 32 characters of a hex token carry 128 bits.
     */
    public static final int MIN_TOKEN_LENGTH = 32;

    public static final String HOOK_PATH_PREFIX = "/hook/";
    public static final String HEALTH_PATH = "/health";
    public static final int PORT = 8080;

    private FunctionContract() {
    }

    /** {@code /hook/} + hex(sha256(token + name + namespace)), the same derivation as Flux's receivers. */
    public static String webhookPath(String token, String name, String namespace) {
        return HOOK_PATH_PREFIX + ObjectNames.sha256Hex(token + name + namespace);
    }
}
