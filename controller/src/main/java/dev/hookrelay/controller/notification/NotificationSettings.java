package dev.hookrelay.controller.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** The event intake and the dispatch to Providers: {@code hookrelay.notification.*}. */
@ConfigurationProperties("hookrelay.notification")
public interface NotificationSettings {

    /** Port of the event intake (Flux controllers' --events-addr); 0 picks a free one. */
    @Bindable(defaultValue = "9090")
    int getPort();

    /** Events accepted but not yet routed; when full, the intake answers 503. */
    @Bindable(defaultValue = "1000")
    int getQueueCapacity();

    /** Threads that route accepted events to Alerts. */
    @Bindable(defaultValue = "2")
    int getWorkers();

    /** Notifications being sent or waiting for a retry at once; beyond, routing waits and the queue fills. */
    @Bindable(defaultValue = "256")
    int getMaxInFlight();

    /** Largest event body the intake reads. */
    @Bindable(defaultValue = "262144")
    int getMaxEventBytes();

    /** An event identical to one sent to the same Provider within this interval is not sent again. */
    @Bindable(defaultValue = "5m")
    Duration getRateLimitInterval();

    /** Retries after the first attempt, on connection errors, timeouts, 429 and 5xx. */
    @Bindable(defaultValue = "4")
    int getMaxRetries();

    /** Wait before the first retry; it doubles on each further one. */
    @Bindable(defaultValue = "2s")
    Duration getRetryBaseDelay();

    /** Longest wait between two attempts. */
    @Bindable(defaultValue = "30s")
    Duration getRetryMaxDelay();

    /** Whether an Alert may name objects in another namespace than its own. */
    @Bindable(defaultValue = "false")
    boolean isAllowCrossNamespace();
}
