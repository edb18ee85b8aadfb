package dev.hookrelay.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until a condition holds, for at most a bounded time; the failure says what was awaited. */
public final class Eventually {
    private static final long POLL_MILLIS = 50;

    private Eventually() {
    }

    /** The first non-null value the supplier returns. */
    public static <T> T await(String what, Duration timeout, Supplier<T> value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException lastError = null;
        while (true) {
            try {
                T result = value.get();
                if (result != null) {
                    return result;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what, lastError);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
