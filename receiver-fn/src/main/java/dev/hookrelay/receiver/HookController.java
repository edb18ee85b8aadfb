package dev.hookrelay.receiver;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.receiver.provider.DeliveryDescription;
import dev.hookrelay.receiver.provider.MalformedPayloadException;
import dev.hookrelay.receiver.provider.Provider;
import dev.hookrelay.receiver.provider.VerificationException;
import dev.hookrelay.receiver.provider.WebhookRequest;
import dev.hookrelay.receiver.status.Recorded;
import dev.hookrelay.receiver.status.Rejections;
import dev.hookrelay.receiver.status.StatusUnavailableException;
import dev.hookrelay.receiver.status.StatusWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The one route: reads the delivery, asks the Receiver's provider to verify and describe it,
 * and answers only after the status write that records it has committed.
 */
@Controller
final class HookController {
    private final ReceiverIdentity receiver;
    private final StatusWriter statusWriter;
    private final DeliveryMetrics metrics;
    private final Rejections rejections;
    private final DeliveryFilter filter;
    private final TokenVerification tokens;

    HookController(ReceiverIdentity receiver, StatusWriter statusWriter, DeliveryMetrics metrics, Rejections rejections,
                   DeliveryFilter filter, TokenVerification tokens) {
        this.receiver = receiver;
        this.tokens = tokens;
        this.statusWriter = statusWriter;
        this.metrics = metrics;
        this.rejections = rejections;
        this.filter = filter;
    }

    @Post(uri = "/hook/{digest}", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    CompletableFuture<HttpResponse<HookReply>> receive(String digest, HttpRequest<?> request, @Nullable @Body byte[] body) {
        // IntakeGuard refuses other paths before their body is read; this covers connections it does not see
        if (!receiver.isWebhookPath(request.getPath())) {
            return reject(Rejection.NOT_FOUND, Rejection.NO_WEBHOOK_HERE);
        }
        if (receiver.suspended()) {
            return reject(Rejection.SUSPENDED, "the Receiver is suspended (spec.suspend); deliveries resume when it is not");
        }
        Provider provider = receiver.provider();
        String mediaType = mediaType(request);
        if (!provider.contentTypes().contains(mediaType)) {
            return reject(Rejection.UNSUPPORTED_MEDIA_TYPE, HttpHeaders.CONTENT_TYPE, provider.type() + " deliveries are sent as "
                    + String.join(" or ", provider.contentTypes().stream().filter(t -> !t.isEmpty()).sorted().toList())
                    + ", not " + (mediaType.isEmpty() ? "without a Content-Type" : mediaType));
        }
        WebhookRequest webhook = new WebhookRequest(request.getHeaders(), mediaType, body == null ? new byte[0] : body);
        DeliveryDescription delivery;
        try {
            tokens.verify(provider, request.getPath(), webhook);
            delivery = provider.describe(webhook);
        } catch (VerificationException e) {
            return reject(Rejection.UNAUTHORIZED, e.header(), e.getMessage());
        } catch (MalformedPayloadException e) {
            return reject(Rejection.MALFORMED, e.getMessage());
        }
        if (!receiver.wants(delivery.type())) {
            metrics.accepted("ignored");
            return CompletableFuture.completedFuture(HttpResponse.accepted().body(HookReply.ignored(delivery.id(),
                    delivery.type(), "spec.events does not include " + delivery.type())));
        }
        V1alpha1ReceivedEvent event = toStatusEvent(provider.type(), delivery);
        Optional<String> filteredOut = filter.reasonToIgnore(event, webhook);
        if (filteredOut.isPresent()) {
            metrics.accepted("ignored");
            return CompletableFuture.completedFuture(HttpResponse.accepted().body(HookReply.ignored(delivery.id(),
                    delivery.type(), filteredOut.get())));
        }
        return statusWriter.record(event)
                .thenApply(recorded -> accepted(delivery, recorded))
                .exceptionally(HookController::unavailable);
    }

    private HttpResponse<HookReply> accepted(DeliveryDescription delivery, Recorded recorded) {
        metrics.accepted(recorded.duplicate() ? "duplicate" : "recorded");
        return HttpResponse.ok(recorded.duplicate()
                ? HookReply.duplicate(recorded.id(), delivery.type(), recorded.eventCount())
                : HookReply.recorded(recorded.id(), delivery.type(), recorded.eventCount()));
    }

    private static HttpResponse<HookReply> unavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason = cause instanceof StatusUnavailableException ? cause.getMessage() : "the delivery could not be recorded; retry later";
        return Rejection.UNAVAILABLE.response(reason);
    }

    private CompletableFuture<HttpResponse<HookReply>> reject(Rejection rejection, String reason) {
        return reject(rejection, null, reason);
    }

    /** @param expected the header the provider is expected to send, when the rejection is about one */
    private CompletableFuture<HttpResponse<HookReply>> reject(Rejection rejection, String expected, String reason) {
        metrics.rejected(rejection);
        rejections.rejected(rejection.metricName(), rejection.shownInStatus(), reason, expected);
        return CompletableFuture.completedFuture(rejection.response(reason));
    }

    private static V1alpha1ReceivedEvent toStatusEvent(String provider, DeliveryDescription delivery) {
        return new V1alpha1ReceivedEvent().id(delivery.id()).type(delivery.type()).provider(provider)
                .receivedAt(OffsetDateTime.now(ZoneOffset.UTC)).repository(delivery.repository()).ref(delivery.ref())
                .revision(delivery.revision()).image(delivery.image()).tag(delivery.tag())
                .sender(delivery.sender()).action(delivery.action());
    }

    /**
     * The Content-Type's media type, lower case, or empty. By hand, not Micronaut's MediaType: that
     * throws on what a client may send (a bare {@code foo}), which must get a 415 saying why.
     */
    private static String mediaType(HttpRequest<?> request) {
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
