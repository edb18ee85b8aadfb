package dev.hookrelay.controller.notification;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identical events (same object, reason, message and revision) to one Provider are sent once
 * per interval (hookrelay.notification.rate-limit-interval), as Flux's event server limits them.
 */
@Singleton
class DuplicateEvents {
    private final Duration interval;
    private final Map<String, Instant> lastSent = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    DuplicateEvents(NotificationSettings settings) {
        this.interval = settings.getRateLimitInterval();
    }

    /** True the first time within the interval this event goes to this Provider, false for a repeat. */
    boolean firstWithinInterval(String providerUid, FluxEvent event) {
        Instant now = Instant.now();
        sweep(now);
        String key = providerUid + "\u0000" + event.objectKey() + "\u0000" + event.reason() + "\u0000" + event.message()
                + "\u0000" + (event.revision() == null ? "" : event.revision());
        boolean[] first = {false};
        lastSent.compute(key, (k, before) -> {
            if (before == null || !now.isBefore(before.plus(interval))) {
                first[0] = true;
                return now;
            }
            return before;
        });
        return first[0];
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(interval);
        lastSent.values().removeIf(sent -> !now.isBefore(sent.plus(interval)));
    }
}
