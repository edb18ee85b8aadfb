package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RotationStateTest {

    /** The times go into the function's env and the webhook Secret, read by parsers that want RFC 3339's seconds. */
    @Test
    void aTimeOnTheMinuteKeepsItsSeconds() {
        assertEquals("2026-11-30T20:16:00Z", RotationState.format(Instant.parse("2026-11-30T20:16:00Z")));
        assertEquals("2026-11-30T20:16:01.250Z", RotationState.format(Instant.parse("2026-11-30T20:16:01.25Z")));
    }
}
