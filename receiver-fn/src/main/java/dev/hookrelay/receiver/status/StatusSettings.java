package dev.hookrelay.receiver.status;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How deliveries are group-committed into the Receiver status.
 *
 * @param maxBatch        deliveries merged into one status write at most; 1 turns group commit off
 * @param queueCapacity   deliveries waiting for a write at most; beyond it, 503
 * @param recentEvents    length of status.recentEvents, which is also the window for spotting redeliveries
 * @param conflictRetries re-reads after another function instance moved the counters first (with a random
 *                        back-off), before giving up with 503
 * @param rejectionFlush  longest a rejection waits for a delivery's write to carry it before it is written alone
 * @param drainTimeout    on shutdown, how long queued deliveries may still be written before the rest get 503
 */
@ConfigurationProperties("hookrelay.status")
public record StatusSettings(
        @Bindable(defaultValue = "1000") int maxBatch,
        @Bindable(defaultValue = "10000") int queueCapacity,
        @Bindable(defaultValue = "20") int recentEvents,
        @Bindable(defaultValue = "30") int conflictRetries,
        @Bindable(defaultValue = "5s") Duration rejectionFlush,
        @Bindable(defaultValue = "20s") Duration drainTimeout) {
}
