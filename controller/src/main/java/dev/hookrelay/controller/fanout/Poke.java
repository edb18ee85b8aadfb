package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What targets are asked for one batch of new events: to reconcile, as of the newest event's
 * time (RFC 3339). The same event always gives the same time, so poking again for it sets an
 * annotation to the value it already has, which changes nothing. The event is described by its
 * type only, so that the Events announcing pokes repeat, and Kubernetes counts them as one.
 */
public record Poke(String requestedAt, String event) {

    public static Poke of(@Nullable V1alpha1ReceivedEvent latest) {
        OffsetDateTime time = latest != null && latest.getReceivedAt() != null
                ? latest.getReceivedAt()
                : OffsetDateTime.now(ZoneOffset.UTC);
        String event = latest == null || latest.getType() == null ? "new events" : "new " + latest.getType() + " events";
        return new Poke(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), event);
    }
}
