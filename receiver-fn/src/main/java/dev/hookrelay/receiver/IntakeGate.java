package dev.hookrelay.receiver;

import io.micronaut.json.JsonMapper;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * What every connection's {@link IntakeGuard} shares: the policy, the permits for delivery
 * bodies being received, and the answers to refused requests (the same JSON bodies as
 * {@link HookController}'s, so a wrong path cannot be told from a wrong digest).
 */
@Singleton
final class IntakeGate {
    private final IntakePolicy policy;
    private final IntakeSettings settings;
    private final DeliveryMetrics metrics;
    private final Semaphore bodies;
    private final Map<IntakeDecision, Refusal> refusals = new EnumMap<>(IntakeDecision.class);

    IntakeGate(IntakePolicy policy, IntakeSettings settings, DeliveryMetrics metrics, JsonMapper json) {
        this.policy = policy;
        this.settings = settings;
        this.metrics = metrics;
        this.bodies = new Semaphore(settings.maxUnverifiedBodies());
        refusals.put(IntakeDecision.NOT_FOUND, new Refusal(Rejection.NOT_FOUND, Rejection.NO_WEBHOOK_HERE, json));
        refusals.put(IntakeDecision.METHOD_NOT_ALLOWED, new Refusal(Rejection.METHOD_NOT_ALLOWED,
                "the webhook accepts only POST", json));
        refusals.put(IntakeDecision.TOO_LARGE, new Refusal(Rejection.TOO_LARGE, "the body is larger than "
                + policy.maxBodySize() + " bytes (hookrelay.max-body-size)", json));
        refusals.put(IntakeDecision.BUSY, new Refusal(Rejection.BUSY, "more than " + settings.maxUnverifiedBodies()
                + " deliveries are arriving at once; retry later", json));
    }

    IntakePolicy policy() {
        return policy;
    }

    Duration bodyTimeout() {
        return settings.bodyTimeout();
    }

    boolean tryAcquireBody() {
        return bodies.tryAcquire();
    }

    void releaseBody() {
        bodies.release();
    }

    void bodyTimedOut() {
        metrics.rejected(Rejection.BODY_TIMEOUT);
    }

    /** Counts the refusal and builds its answer; every answer closes the connection. */
    FullHttpResponse refusal(IntakeDecision decision) {
        Refusal refusal = refusals.get(decision);
        metrics.rejected(refusal.rejection);
        FullHttpResponse response = IntakeGuard.response(HttpResponseStatus.valueOf(refusal.rejection.status().getCode()),
                refusal.json);
        if (decision == IntakeDecision.METHOD_NOT_ALLOWED) {
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.POST.name());
        } else if (decision == IntakeDecision.BUSY) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, Rejection.RETRY_AFTER_SECONDS);
        }
        return response;
    }

    private record Refusal(Rejection rejection, byte[] json) {
        Refusal(Rejection rejection, String reason, JsonMapper mapper) {
            this(rejection, serialize(mapper, HookReply.error(rejection.metricName(), reason)));
        }

        private static byte[] serialize(JsonMapper mapper, HookReply reply) {
            try {
                return mapper.writeValueAsBytes(reply);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
