package dev.hookrelay.receiver.status;

import dev.hookrelay.api.Sha256;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Fits a delivery into the status schema before it is queued, so that no single delivery can
 * make the API server refuse a group-committed write: every text field within the CRD's
 * maxLength, and an id for deliveries whose provider assigns none.
 */
final class DeliveryFields {
    /** Ids Hookrelay assigns start with this; each is new, so such a delivery is never a duplicate. */
    static final String ASSIGNED_ID_PREFIX = "hookrelay-";
    private static final int MAX = V1alpha1ReceivedEvent.MAX_FIELD_LENGTH;

    private DeliveryFields() {
    }

    static V1alpha1ReceivedEvent fitted(V1alpha1ReceivedEvent event) {
        String id = event.getId() == null ? ASSIGNED_ID_PREFIX + UUID.randomUUID() : id(event.getId());
        return new V1alpha1ReceivedEvent().id(id).type(text(event.getType(), MAX)).provider(text(event.getProvider(), MAX))
                .receivedAt(storable(event.getReceivedAt())).repository(text(event.getRepository(), MAX))
                .ref(text(event.getRef(), MAX)).revision(text(event.getRevision(), MAX)).image(text(event.getImage(), MAX))
                .tag(text(event.getTag(), MAX)).sender(text(event.getSender(), MAX)).action(text(event.getAction(), MAX));
    }

    /**
     * A time as the status stores it (microseconds), so that a delivery read back after a write
     * whose answer was lost is recognised as this very delivery.
     */
    static OffsetDateTime storable(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /** At most {@code max} characters (so at most as many code points), ending in "…" when cut. */
    static String text(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return prefix(value, max - 1) + "…";
    }

    /** An over-long id keeps its identity: a prefix and the digest of the whole id. */
    private static String id(String id) {
        if (id.length() <= MAX) {
            return id;
        }
        String digest = "~sha256:" + Sha256.hex(id);
        return prefix(id, MAX - digest.length()) + digest;
    }

    private static String prefix(String value, int length) {
        int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }
}
