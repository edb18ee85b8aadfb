package dev.hookrelay.controller.receiver;

import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Ready, Reconciling and Stalled as kstatus reads them: Reconciling is True while the
 * function is rolling out, Stalled is True when a person has to act. A condition keeps its
 * lastTransitionTime until its status flips.
 */
final class ReceiverConditions {
    static final String READY = "Ready";
    static final String RECONCILING = "Reconciling";
    static final String STALLED = "Stalled";

    private ReceiverConditions() {
    }

    static List<V1Condition> of(Outcome outcome, long generation, List<V1Condition> previous) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return List.of(
                condition(READY, outcome.state() == Outcome.State.READY, outcome, generation, previous, now),
                condition(RECONCILING, outcome.state() == Outcome.State.PROGRESSING, outcome, generation, previous, now),
                condition(STALLED, outcome.state() == Outcome.State.STALLED, outcome, generation, previous, now));
    }

    static V1Condition find(List<V1Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    private static V1Condition condition(String type, boolean isTrue, Outcome outcome, long generation,
                                         List<V1Condition> previous, OffsetDateTime now) {
        String status = isTrue ? "True" : "False";
        V1Condition before = find(previous, type);
        OffsetDateTime since = before != null && status.equals(before.getStatus()) ? before.getLastTransitionTime() : now;
        return new V1Condition().type(type).status(status).reason(outcome.reason()).message(outcome.message())
                .observedGeneration(generation).lastTransitionTime(since);
    }
}
