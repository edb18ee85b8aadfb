package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * metav1.Condition bookkeeping shared by every status writer. Each writer applies only the
 * condition types it owns ({@link StatusApply}); the API server keeps the others.
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

    /** The generation a condition or status observes: metadata.generation, 0 until the API server sets one. */
    public static long generation(KubernetesObject object) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }
}
