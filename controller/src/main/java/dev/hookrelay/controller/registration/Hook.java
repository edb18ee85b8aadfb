package dev.hookrelay.controller.registration;

import io.micronaut.core.annotation.Nullable;
import java.util.Set;

/**
 * A webhook as the provider reports it. {@code secretSet} is what the provider says of the
 * secret (it never returns the value): null where it says nothing.
 */
record Hook(String id, String url, Set<String> events, boolean active, boolean json, boolean tlsVerified,
            @Nullable Boolean secretSet) {

    /** What differs from the wanted webhook, as the Event says it; empty when nothing visible does. */
    String drift(DesiredHook desired) {
        StringBuilder drift = new StringBuilder();
        if (!url.equals(desired.url())) {
            drift.append("url, ");
        }
        if (!events.equals(desired.events())) {
            drift.append("events, ");
        }
        if (!active) {
            drift.append("active, ");
        }
        if (!json) {
            drift.append("content type, ");
        }
        if (!tlsVerified) {
            drift.append("TLS verification, ");
        }
        if (Boolean.FALSE.equals(secretSet)) {
            drift.append("secret, ");
        }
        return drift.isEmpty() ? "" : drift.substring(0, drift.length() - 2);
    }
}
