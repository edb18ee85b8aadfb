package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.openapi.models.V1Condition;
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
    /** True while two tokens verify: the current one and the one a rotation replaced. */
    static final String TOKEN_ROTATION = "TokenRotation";

    private ReceiverConditions() {
    }

    static List<V1Condition> of(Outcome outcome, long generation, List<V1Condition> previous) {
        return List.of(
                condition(READY, outcome.state() == Outcome.State.READY, outcome, generation, previous),
                condition(RECONCILING, outcome.state() == Outcome.State.PROGRESSING, outcome, generation, previous),
                condition(STALLED, outcome.state() == Outcome.State.STALLED, outcome, generation, previous));
    }

    static V1Condition tokenRotation(boolean twoTokens, String message, long generation, List<V1Condition> previous) {
        return Conditions.next(previous, TOKEN_ROTATION, twoTokens, twoTokens ? "PreviousTokenValid" : "SingleToken",
                message, generation);
    }

    static V1Condition find(List<V1Condition> conditions, String type) {
        return Conditions.find(conditions, type);
    }

    private static V1Condition condition(String type, boolean isTrue, Outcome outcome, long generation,
                                         List<V1Condition> previous) {
        return Conditions.next(previous, type, isTrue, outcome.reason(), outcome.message(), generation);
    }
}
