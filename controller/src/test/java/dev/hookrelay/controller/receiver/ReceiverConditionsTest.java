package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverConditionsTest {
    private static final OffsetDateTime EARLIER = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    @Test
    void lastTransitionTimeStaysWhileTheStatusStaysAndMovesWhenItFlips() {
        List<V1Condition> previous = List.of(
                condition("Ready", "False"), condition("Reconciling", "True"), condition("Stalled", "False"));
        Outcome ready = new Outcome(Outcome.State.READY, "Succeeded", "ok", null, null, "http://x", false);

        List<V1Condition> next = ReceiverConditions.of(ready, 3, previous);

        assertEquals("True", ReceiverConditions.find(next, "Ready").getStatus());
        assertEquals(true, ReceiverConditions.find(next, "Ready").getLastTransitionTime().isAfter(EARLIER));
        assertEquals("False", ReceiverConditions.find(next, "Reconciling").getStatus());
        assertEquals(true, ReceiverConditions.find(next, "Reconciling").getLastTransitionTime().isAfter(EARLIER));
        assertEquals(EARLIER, ReceiverConditions.find(next, "Stalled").getLastTransitionTime());
        assertEquals(3L, ReceiverConditions.find(next, "Stalled").getObservedGeneration());
        assertEquals("Succeeded", ReceiverConditions.find(next, "Stalled").getReason());
    }

    @Test
    void stalledProblemsSetStalledAndNotReconciling() {
        Outcome stalled = Outcome.stalled(Problem.awaitingChange("TokenMissing", "add it"), null, null);

        List<V1Condition> conditions = ReceiverConditions.of(stalled, 1, List.of());

        assertEquals(List.of("False", "False", "True"), conditions.stream().map(V1Condition::getStatus).toList());
        assertEquals(List.of("Ready", "Reconciling", "Stalled"), conditions.stream().map(V1Condition::getType).toList());
    }

    private static V1Condition condition(String type, String status) {
        return new V1Condition().type(type).status(status).reason("Before").message("before")
                .observedGeneration(2L).lastTransitionTime(EARLIER);
    }
}
