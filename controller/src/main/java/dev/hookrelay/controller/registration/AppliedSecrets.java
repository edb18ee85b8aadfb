package dev.hookrelay.controller.registration;

import dev.hookrelay.api.Sha256;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which token this controller last set as each webhook's secret, as a digest: providers never
 * return a secret, so a rotated token is noticed here. Kept in memory only; after a restart
 * it is unknown.
 */
@Singleton
class AppliedSecrets {
    private final Map<String, String> applied = new ConcurrentHashMap<>();

    /** TRUE: this token was set on this webhook; FALSE: another one was; null: unknown. */
    @Nullable
    Boolean matches(String receiverUid, String hookId, String token) {
        String known = applied.get(receiverUid);
        if (known == null) {
            return null;
        }
        return known.equals(key(hookId, token));
    }

    void record(String receiverUid, String hookId, String token) {
        applied.put(receiverUid, key(hookId, token));
    }

    void forget(String receiverUid) {
        applied.remove(receiverUid);
    }

    private static String key(String hookId, String token) {
        return hookId + " " + Sha256.hex(token);
    }
}
