package dev.hookrelay.controller.kube;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.kubernetes.client.openapi.ApiException;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * client-java logs, as an ERROR with a stack trace, conditions it handles itself: an informer's
 * failed list or watch (it relists with backoff) and a lease renewal interrupted by shutdown.
 * This logback filter turns the first into one WARN line that says what failed and drops the
 * second; any other error passes unchanged. Registered in logback.xml.
 */
public final class RetriedFailureLog extends TurboFilter {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("io.kubernetes.client.informer");
    private static final String REFLECTOR = "io.kubernetes.client.informer.cache.ReflectorRunnable";
    private static final Set<String> STOPPING = Set.of("io.kubernetes.client.extended.leaderelection.LeaderElector",
            "io.kubernetes.client.informer.cache.Controller", "io.kubernetes.client.informer.cache.ProcessorListener");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        Throwable failure = t != null ? t : lastThrowable(params);
        if (level != Level.ERROR || failure == null) {
            return FilterReply.NEUTRAL;
        }
        if (STOPPING.contains(logger.getName()) && isInterrupt(failure)) {
            return FilterReply.DENY;
        }
        if (REFLECTOR.equals(logger.getName())) {
            if (!isInterrupt(failure)) {
                LOG.warn("listing or watching {} failed ({}); the informer retries", subject(params), describe(failure));
            }
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }

    private static boolean isInterrupt(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String subject(Object[] params) {
        return params != null && params.length > 0 && params[0] instanceof Class<?> type ? type.getSimpleName() : "a kind";
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ApiException api && api.getCode() != 0) {
            return "the API server answered " + api.getCode();
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
