package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionContract;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The token a rotation replaced, which keeps verifying until {@code expiresAt}; for a provider that
 * cannot sign, its path keeps being served as long. The function checks the expiry itself, so
 * the window closes on time even while this revision is still running.
 */
record PreviousToken(byte[] token, byte[] webhookPath, Instant expiresAt) {

    /** Null when the controller gave none (no rotation in its grace window). */
    static PreviousToken read(String file, String expiresAt, String name, String namespace) {
        if (file.isEmpty()) {
            return null;
        }
        if (expiresAt.isEmpty()) {
            throw new IllegalStateException(FunctionContract.ENV_PREVIOUS_TOKEN_FILE + " is set without "
                    + FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT + "; leave both to the controller");
        }
        Instant expiry;
        try {
            expiry = OffsetDateTime.parse(expiresAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT + " is not an RFC 3339 time;"
                    + " leave it to the controller", e);
        }
        String token = ReceiverIdentity.readToken(Path.of(file));
        return new PreviousToken(token.getBytes(StandardCharsets.UTF_8),
                FunctionContract.webhookPath(token, name, namespace).getBytes(StandardCharsets.UTF_8), expiry);
    }

    boolean valid() {
        return Instant.now().isBefore(expiresAt);
    }
}
