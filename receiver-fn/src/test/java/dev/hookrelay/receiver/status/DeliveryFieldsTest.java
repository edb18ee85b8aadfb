package dev.hookrelay.receiver.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Every delivery fits the status schema before it is queued. */
class DeliveryFieldsTest {
    private static final int MAX = V1alpha1ReceivedEvent.MAX_FIELD_LENGTH;

    @Test
    void anOverLongIdKeepsItsIdentityWithinTheLimit() {
        String id = "x".repeat(3000);

        String fitted = fit(id).getId();

        assertEquals(MAX, fitted.length());
        assertEquals(fitted, fit(id).getId());
        assertNotEquals(fitted, fit(id + "y").getId());
    }

    @Test
    void aDeliveryWithoutIdGetsOneOfItsOwn() {
        String first = fit(null).getId();

        assertTrue(first.startsWith(DeliveryFields.ASSIGNED_ID_PREFIX), first);
        assertNotEquals(first, fit(null).getId());
    }

    @Test
    void textIsCutWithoutSplittingACharacter() {
        String emoji = "\uD83D\uDE80";
        String ref = "a".repeat(MAX - 2) + emoji + "tail";

        String fitted = DeliveryFields.text(ref, MAX);

        assertTrue(fitted.length() <= MAX, "length " + fitted.length());
        assertTrue(fitted.endsWith("a…"), fitted.substring(fitted.length() - 5));
    }

    private static V1alpha1ReceivedEvent fit(String id) {
        return DeliveryFields.fitted(new V1alpha1ReceivedEvent().id(id).type("push").provider("github")
                .receivedAt(OffsetDateTime.now()));
    }
}
