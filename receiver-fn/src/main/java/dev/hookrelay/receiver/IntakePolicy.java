package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionContract;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.server.HttpServerConfiguration;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;
import java.net.URI;

/**
 * Decides on a request from its request line and headers alone: only a POST to the webhook
 * path within the size limit has its body read; probes and scrapes pass without a body;
 * everything else is answered at once. Metrics are served only on their own port.
 */
@Singleton
final class IntakePolicy {
    static final String METRICS_PATH = "/metrics";

    private final ReceiverIdentity receiver;
    private final long maxBodySize;
    private final int metricsPort;

    IntakePolicy(ReceiverIdentity receiver, HttpServerConfiguration server,
                 @Value("${hookrelay.metrics.port:9090}") int metricsPort) {
        this.receiver = receiver;
        this.maxBodySize = server.getMaxRequestSize();
        this.metricsPort = metricsPort;
    }

    IntakeDecision decide(HttpRequest request, int localPort) {
        String path = path(request.uri());
        boolean bodiless = !hasBody(request);
        boolean get = HttpMethod.GET.equals(request.method());
        if (localPort == metricsPort) {
            return get && bodiless && METRICS_PATH.equals(path) ? IntakeDecision.PASS : IntakeDecision.NOT_FOUND;
        }
        if (FunctionContract.HEALTH_PATH.equals(path)) {
            return get && bodiless ? IntakeDecision.PASS : IntakeDecision.NOT_FOUND;
        }
        if (path == null || !receiver.isWebhookPath(path)) {
            return IntakeDecision.NOT_FOUND;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            return IntakeDecision.METHOD_NOT_ALLOWED;
        }
        return contentLength(request) > maxBodySize ? IntakeDecision.TOO_LARGE : IntakeDecision.DELIVERY;
    }

    long maxBodySize() {
        return maxBodySize;
    }

    static boolean hasBody(HttpRequest request) {
        return contentLength(request) > 0 || HttpUtil.isTransferEncodingChunked(request);
    }

    private static long contentLength(HttpRequest request) {
        try {
            return HttpUtil.getContentLength(request, 0L);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The path of origin-form and absolute-form request targets; null for what is neither. */
    private static String path(String target) {
        try {
            return URI.create(target).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
