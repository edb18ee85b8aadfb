package dev.hookrelay.receiver.status;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs rejected deliveries as one line per kind of rejection per interval, so that nobody can
 * flood the logs by sending bad requests.
 */
@Singleton
class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "rejection-log");
        thread.setDaemon(true);
        return thread;
    });
    private final String interval;
    private final Throttle<Map<String, ReasonCounts>> throttle;

    RejectionLog(@Value("${hookrelay.rejections.log-interval:10s}") Duration interval) {
        this.interval = Throttle.describe(interval);
        this.throttle = new Throttle<>(scheduler, interval, TreeMap::new, this::log);
    }

    void rejected(String kind, String reason) {
        throttle.add(byKind -> byKind.computeIfAbsent(kind, k -> new ReasonCounts()).add(reason, 1));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void log(Map<String, ReasonCounts> byKind) {
        byKind.forEach((kind, reasons) -> LOG.info("rejected {} {} in the last {}: {}", reasons.total(),
                reasons.total() == 1 ? "delivery" : "deliveries", interval, kind + ": " + reasons.describe()));
    }
}
