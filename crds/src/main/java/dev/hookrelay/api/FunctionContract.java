package dev.hookrelay.api;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the controller hands to each Receiver's function and the function relies on:
 * its identity in environment variables, its token in a mounted file, and where it serves
 * its webhook: a path the controller gives it for providers that sign, a path derived from
 * the token for those that cannot (there the URL is the credential).
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
    /**
     * The path to serve, for providers that sign: random and kept for the Receiver's life. Absent
     * for {@link #UNSIGNED_TYPES}, whose path is a credential kept out of the pod spec: the
     * function derives it from its token ({@link #webhookPath(String, String, String)}).
     */
    public static final String ENV_WEBHOOK_PATH = "HOOKRELAY_WEBHOOK_PATH";
    /**
     * During a rotation's grace window: the file with the previous token, which keeps verifying
     * (and, for {@link #UNSIGNED_TYPES}, keeps its path served) until
     * {@link #ENV_PREVIOUS_TOKEN_EXPIRES_AT}. Absent outside a window.
     */
    public static final String ENV_PREVIOUS_TOKEN_FILE = "HOOKRELAY_PREVIOUS_TOKEN_FILE";
    /** RFC 3339 instant after which the previous token no longer verifies, even if the revision still runs. */
    public static final String ENV_PREVIOUS_TOKEN_EXPIRES_AT = "HOOKRELAY_PREVIOUS_TOKEN_EXPIRES_AT";

    /** Receiver types whose provider cannot sign: the webhook URL is the only credential. */
    public static final Set<String> UNSIGNED_TYPES = Set.of("dockerhub", "quay", "acr");
    /** How status shows the path of {@link #UNSIGNED_TYPES}, which is a credential. */
    public static final String REDACTED_PATH = "/hook/REDACTED";
    /** The key, in a Secret, of the full webhook URL of {@link #UNSIGNED_TYPES}. */
    public static final String URL_KEY = "url";

    /** The key of the Secret that holds the token. */
    public static final String TOKEN_KEY = "token";
    public static final String TOKEN_MOUNT_DIR = "/var/run/secrets/hookrelay";
    public static final String TOKEN_FILE = TOKEN_MOUNT_DIR + "/" + TOKEN_KEY;
    /** The key, in Hookrelay's webhook Secret, of the previous token during a rotation's grace window. */
    public static final String PREVIOUS_TOKEN_KEY = "previousToken";
    public static final String PREVIOUS_TOKEN_MOUNT_DIR = "/var/run/secrets/hookrelay-previous";
    public static final String PREVIOUS_TOKEN_FILE = PREVIOUS_TOKEN_MOUNT_DIR + "/" + PREVIOUS_TOKEN_KEY;
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

    /** The shape of every path Hookrelay serves: {@code /hook/} and 256 bits in hex. */
    public static final Pattern WEBHOOK_PATH = Pattern.compile("/hook/[0-9a-f]{64}");

    public static boolean isUnsigned(String type) {
        return UNSIGNED_TYPES.contains(type);
    }

    /**
     * {@code /hook/} + hex(sha256(token + name + namespace)), the same derivation as Flux's
     * receivers: the path of {@link #UNSIGNED_TYPES}, and of every Receiver provisioned before
     * paths became independent of the token (they keep it).
     */
    public static String webhookPath(String token, String name, String namespace) {
        return HOOK_PATH_PREFIX + Sha256.hex(token + name + namespace);
    }
}
