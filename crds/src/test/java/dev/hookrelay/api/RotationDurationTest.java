package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** spec.rotation's durations as the schema allows them, and the defaults when absent. */
class RotationDurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"24h, PT24H", "30m, PT30M", "1h30m, PT1H30M", "90s, PT1M30S", "0s, PT0S", "2h0m5s, PT2H5S"})
    void gracePeriodIsReadAsWritten(String written, String expected) {
        V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec().rotation(new V1alpha1Rotation().gracePeriod(written));

        assertEquals(Duration.parse(expected), V1alpha1Rotation.gracePeriodOf(spec));
    }

    @Test
    void withoutRotationTheGracePeriodIsADayAndThereIsNoPeriodicRotation() {
        V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec();

        assertEquals(Duration.ofHours(24), V1alpha1Rotation.gracePeriodOf(spec));
        assertNull(V1alpha1Rotation.everyOf(spec));
    }
}
