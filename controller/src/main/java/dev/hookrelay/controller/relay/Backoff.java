package dev.hookrelay.controller.relay;

import java.time.Duration;

/** Exponential waits between reconnects, from a base delay up to a cap, until a success resets them. */
final class Backoff {
    private final Duration base;
    private final Duration max;
    private Duration next;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
        this.next = base;
    }

    Duration next() {
        Duration current = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return current;
    }

    void reset() {
        next = base;
    }
}
