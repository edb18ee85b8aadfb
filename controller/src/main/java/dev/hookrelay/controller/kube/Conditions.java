package dev.hookrelay.controller.kube;

import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * metav1.Condition bookkeeping shared by every status writer. A merge patch replaces the
 * whole conditions list, and two writers own conditions of one Receiver (provisioning owns
 * Ready, Reconciling and Stalled; the fan-out owns TargetsPoked): each writer therefore
 * replaces only the types it owns and keeps the others as it read them.
 */
public final class Conditions {
    private Conditions() {
    }

    /** The condition as it should be now: its lastTransitionTime moves only when its status flips. */
    public static V1Condition next(List<V1Condition> previous, String type, String status, String reason, String message,
                                   long generation) {
        V1Condition before = find(previous, type);
        OffsetDateTime since = before != null && status.equals(before.getStatus()) && before.getLastTransitionTime() != null
                ? before.getLastTransitionTime()
                : OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return new V1Condition().type(type).status(status).reason(reason).message(message)
                .observedGeneration(generation).lastTransitionTime(since);
    }

    public static V1Condition next(List<V1Condition> previous, String type, boolean isTrue, String reason, String message,
                                   long generation) {
        return next(previous, type, isTrue ? "True" : "False", reason, message, generation);
    }

    public static V1Condition find(List<V1Condition> conditions, String type) {
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }

    /**
     * The current list with the owned conditions put in: one of a type already there takes its
     * place, a new type goes last, and conditions of other types stay as they are.
     */
    public static List<V1Condition> replacing(List<V1Condition> current, List<V1Condition> owned) {
        List<V1Condition> merged = new ArrayList<>(current);
        for (V1Condition condition : owned) {
            int index = indexOf(merged, condition.getType());
            if (index < 0) {
                merged.add(condition);
            } else {
                merged.set(index, condition);
            }
        }
        return merged;
    }

    /** Whether the condition says the same as one already there, whatever its transition time. */
    public static boolean isUnchanged(List<V1Condition> current, V1Condition condition) {
        V1Condition before = find(current, condition.getType());
        return before != null && Objects.equals(before.getStatus(), condition.getStatus())
                && Objects.equals(before.getReason(), condition.getReason())
                && Objects.equals(before.getMessage(), condition.getMessage())
                && Objects.equals(before.getObservedGeneration(), condition.getObservedGeneration());
    }

    private static int indexOf(List<V1Condition> conditions, String type) {
        for (int i = 0; i < conditions.size(); i++) {
            if (type.equals(conditions.get(i).getType())) {
                return i;
            }
        }
        return -1;
    }
}
