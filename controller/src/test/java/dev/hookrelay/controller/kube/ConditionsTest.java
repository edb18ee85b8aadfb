package dev.hookrelay.controller.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final OffsetDateTime EARLIER = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    @Test
    void nextKeepsTheTransitionTimeUntilTheStatusFlips() {
        List<V1Condition> previous = List.of(condition("TargetsPoked", "True"));

        V1Condition same = Conditions.next(previous, "TargetsPoked", true, "Succeeded", "again", 4);
        V1Condition flipped = Conditions.next(previous, "TargetsPoked", false, "TargetNotFound", "gone", 4);

        assertEquals(EARLIER, same.getLastTransitionTime());
        assertEquals(4L, same.getObservedGeneration());
        assertEquals(true, flipped.getLastTransitionTime().isAfter(EARLIER));
    }

    private static V1Condition condition(String type, String status) {
        return new V1Condition().type(type).status(status).reason("Before").message("before")
                .observedGeneration(1L).lastTransitionTime(EARLIER);
    }
}
