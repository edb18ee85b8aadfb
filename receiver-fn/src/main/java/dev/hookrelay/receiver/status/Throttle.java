package dev.hookrelay.receiver.status;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Folds what happens into a summary and hands the summary on at most once per interval: the
 * first one after a quiet interval at once, the rest when the interval is over. Memory stays
 * that of one summary however much happens (a flood of rejected deliveries included).
 */
final class Throttle<S> {
    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final Supplier<S> empty;
    private final Consumer<S> sink;
    private S summary;
    private boolean scheduled;
    private long lastFlushed;

    Throttle(ScheduledExecutorService scheduler, Duration interval, Supplier<S> empty, Consumer<S> sink) {
        this.scheduler = scheduler;
        this.intervalNanos = interval.toNanos();
        this.empty = empty;
        this.sink = sink;
        this.summary = empty.get();
        this.lastFlushed = System.nanoTime() - intervalNanos;
    }

    synchronized void add(Consumer<S> fold) {
        fold.accept(summary);
        if (!scheduled && !scheduler.isShutdown()) {
            scheduled = true;
            long delay = Math.max(0, lastFlushed + intervalNanos - System.nanoTime());
            scheduler.schedule(this::flush, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void flush() {
        S flushed;
        synchronized (this) {
            flushed = summary;
            summary = empty.get();
            scheduled = false;
            lastFlushed = System.nanoTime();
        }
        sink.accept(flushed);
    }

    /** "minute", "10 seconds": the interval as the tail of "in the last ...". */
    static String describe(Duration interval) {
        long seconds = interval.toSeconds();
        if (seconds == 60) {
            return "minute";
        }
        return seconds % 60 == 0 ? seconds / 60 + " minutes" : seconds == 1 ? "second" : seconds + " seconds";
    }
}
