package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.receiver.provider.Provider;
import dev.hookrelay.receiver.provider.Providers;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one Receiver this process serves, from its environment ({@link FunctionContract}):
 * no list or watch at start-up. It serves the webhook path the controller gives it, or, for
 * providers that cannot sign (the path is the credential), the one derived from its token; and,
 * within a rotation's grace window, the previous token too. A missing, empty or short token stops
 * the process at start-up: accepting unsigned deliveries is never the fallback.
 */
@Singleton
public final class ReceiverIdentity {
    private final String name;
    private final String namespace;
    private final Provider provider;
    private final Set<String> events;
    private final boolean suspended;
    private final byte[] token;
    private final byte[] webhookPath;
    private final PreviousToken previous;

    public ReceiverIdentity(
            @Value("${hookrelay.receiver.name}") String name,
            @Value("${hookrelay.receiver.namespace}") String namespace,
            @Value("${hookrelay.receiver.type}") String type,
            @Value("${hookrelay.receiver.events:}") String events,
            @Value("${hookrelay.suspended:false}") boolean suspended,
            @Value("${hookrelay.token.file:" + FunctionContract.TOKEN_FILE + "}") String tokenFile,
            @Value("${hookrelay.webhook.path:}") String webhookPath,
            @Value("${hookrelay.previous.token.file:}") String previousTokenFile,
            @Value("${hookrelay.previous.token.expires.at:}") String previousTokenExpiresAt) {
        this.name = name;
        this.namespace = namespace;
        this.provider = Providers.forType(type).orElseThrow(() -> new IllegalStateException(
                FunctionContract.ENV_RECEIVER_TYPE + "=" + type + " is not a provider Hookrelay knows"));
        this.events = Arrays.stream(events.split(",")).map(String::trim).filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.suspended = suspended;
        String tokenText = readToken(Path.of(tokenFile));
        this.token = tokenText.getBytes(StandardCharsets.UTF_8);
        this.webhookPath = servedPath(webhookPath, tokenText, name, namespace).getBytes(StandardCharsets.UTF_8);
        this.previous = PreviousToken.read(previousTokenFile, previousTokenExpiresAt, name, namespace);
    }

    /** The path the controller gives ({@link FunctionContract#ENV_WEBHOOK_PATH}), else the one derived from the token. */
    private static String servedPath(String given, String token, String name, String namespace) {
        if (given.isEmpty()) {
            return FunctionContract.webhookPath(token, name, namespace);
        }
        if (!FunctionContract.WEBHOOK_PATH.matcher(given).matches()) {
            throw new IllegalStateException(FunctionContract.ENV_WEBHOOK_PATH + " is not /hook/ followed by 64 hex "
                    + "characters; leave it to the controller");
        }
        return given;
    }

    static String readToken(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token from " + file + " ("
                    + FunctionContract.ENV_TOKEN_FILE + "): " + e.getClass().getSimpleName(), e);
        }
        if (token.length() < FunctionContract.MIN_TOKEN_LENGTH) {
            throw new IllegalStateException("the token in " + file + " has " + token.length()
                    + " characters; at least " + FunctionContract.MIN_TOKEN_LENGTH + " are needed");
        }
        return token;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public Provider provider() {
        return provider;
    }

    public boolean suspended() {
        return suspended;
    }

    /** True when spec.events is empty or names this event type. */
    public boolean wants(String eventType) {
        return events.isEmpty() || events.contains(eventType);
    }

    /**
     * Compares in constant time, so the path cannot be guessed a character at a time. Within a
     * rotation's grace window the path of the previous token is served too, for a provider that
     * cannot sign (whose path is derived from the token; for the others both paths are the same).
     */
    public boolean isWebhookPath(String path) {
        byte[] given = path.getBytes(StandardCharsets.UTF_8);
        boolean current = MessageDigest.isEqual(webhookPath, given);
        return current | isPreviousPath(given);
    }

    /** Whether the path is the previous token's, while that one is valid; only providers that cannot sign have one of their own. */
    boolean isPreviousPath(byte[] path) {
        PreviousToken valid = previousToken();
        return valid != null && FunctionContract.isUnsigned(provider.type()) && MessageDigest.isEqual(valid.webhookPath(), path);
    }

    public byte[] token() {
        return token.clone();
    }

    /** The token a rotation replaced, while it still verifies; null otherwise. */
    PreviousToken previousToken() {
        return previous != null && previous.valid() ? previous : null;
    }
}
