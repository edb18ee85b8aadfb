package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import io.micronaut.core.annotation.Nullable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What targets are asked for one batch of new events: to reconcile, as of the newest event's
 * time (RFC 3339). The same event always gives the same time, so poking again for it sets an
 * annotation to the value it already has, which changes nothing.
 */
public record Poke(String requestedAt, String event) {

    public static Poke of(@Nullable V1alpha1ReceivedEvent latest) {
        OffsetDateTime time = latest != null && latest.getReceivedAt() != null
                ? latest.getReceivedAt()
                : OffsetDateTime.now(ZoneOffset.UTC);
        String event = latest == null ? "the latest event" : latest.getType() + " event " + latest.getId();
        return new Poke(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time), event);
    }
}
