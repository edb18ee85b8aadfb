package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.FunctionContract;
import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * What the controller remembers of a Receiver's token rotations, kept in its webhook Secret
 * (Hookrelay's own, so a lost status or a restart forgets nothing): the token it last gave the
 * function, which one a Ready revision serves and since when, the previous token with the end of its grace
 * window, when the token last rotated, and the last rotation request acted on. Empty values
 * mean "none", so that clearing a key is an ordinary apply.
 */
record RotationState(@Nullable String activeToken, @Nullable String servedToken, @Nullable Instant servedAt,
                     @Nullable String previousToken, @Nullable Instant previousExpiresAt, @Nullable Instant rotatedAt,
                     @Nullable String handledRequest) {
    static final String ACTIVE_TOKEN_KEY = "activeToken";
    static final String PREVIOUS_TOKEN_KEY = FunctionContract.PREVIOUS_TOKEN_KEY;
    static final String PREVIOUS_EXPIRES_KEY = "previousTokenExpiresAt";
    static final String ROTATED_AT_KEY = "tokenRotatedAt";
    static final String SERVED_AT_KEY = "servedTokenSince";
    static final String HANDLED_REQUEST_KEY = "rotateTokenRequest";

    static RotationState of(@Nullable Map<String, byte[]> data) {
        return new RotationState(text(data, ACTIVE_TOKEN_KEY), text(data, ServedToken.KEY),
                instant(text(data, SERVED_AT_KEY)), text(data, PREVIOUS_TOKEN_KEY),
                instant(text(data, PREVIOUS_EXPIRES_KEY)), instant(text(data, ROTATED_AT_KEY)),
                text(data, HANDLED_REQUEST_KEY));
    }

    /** Before any rotation: the token the function is first given, and the rotation request already there, if any. */
    static RotationState first(String token, @Nullable String handledRequest) {
        return new RotationState(token, null, null, null, null, null, handledRequest);
    }

    /** The keys to apply to the webhook Secret. */
    Map<String, String> data() {
        Map<String, String> data = new HashMap<>();
        data.put(ACTIVE_TOKEN_KEY, orEmpty(activeToken));
        data.put(ServedToken.KEY, orEmpty(servedToken));
        data.put(SERVED_AT_KEY, servedAt == null ? "" : format(servedAt));
        data.put(PREVIOUS_TOKEN_KEY, orEmpty(previousToken));
        data.put(PREVIOUS_EXPIRES_KEY, previousExpiresAt == null ? "" : format(previousExpiresAt));
        data.put(ROTATED_AT_KEY, rotatedAt == null ? "" : format(rotatedAt));
        data.put(HANDLED_REQUEST_KEY, orEmpty(handledRequest));
        return data;
    }

    boolean hasPrevious() {
        return previousToken != null && previousExpiresAt != null;
    }

    RotationState withoutPrevious() {
        return new RotationState(activeToken, servedToken, servedAt, null, null, rotatedAt, handledRequest);
    }

    RotationState served(String token, Instant since) {
        return new RotationState(activeToken, token, since, previousToken, previousExpiresAt, rotatedAt, handledRequest);
    }

    RotationState handled(@Nullable String request) {
        return new RotationState(activeToken, servedToken, servedAt, previousToken, previousExpiresAt, rotatedAt, request);
    }

    /** A rotation to this token, at this time, with the token it replaces valid until {@code previousExpiresAt} (null: not at all). */
    RotationState rotatedTo(String token, Instant at, @Nullable Instant previousExpiresAt) {
        return new RotationState(token, servedToken, servedAt, previousExpiresAt == null ? null : activeToken,
                previousExpiresAt, at, handledRequest);
    }

    /** RFC 3339 in UTC, seconds always written (OffsetDateTime.toString() drops ":00", which strict parsers refuse). */
    static String format(Instant instant) {
        return instant.toString();
    }

    @Override
    public String toString() {
        return "RotationState[rotatedAt=" + rotatedAt + ", previousExpiresAt=" + previousExpiresAt + "]";
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    @Nullable
    private static String text(@Nullable Map<String, byte[]> data, String key) {
        byte[] value = data == null ? null : data.get(key);
        return value == null || value.length == 0 ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Nullable
    private static Instant instant(@Nullable String text) {
        return text == null ? null : OffsetDateTime.parse(text).toInstant();
    }
}
