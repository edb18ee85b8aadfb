package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.V1alpha1PendingTargets;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What poking (or checking) the targets of spec.resources came to. */
public final class FanoutResult {
    private final boolean checkOnly;
    private final boolean retried;
    private final int poked;
    private final List<Problem> problems;
    private final V1alpha1PendingTargets left;

    private FanoutResult(boolean checkOnly, boolean retried, int poked, List<Problem> problems,
                         @Nullable V1alpha1PendingTargets left) {
        this.checkOnly = checkOnly;
        this.retried = retried;
        this.poked = poked;
        // what blocks progress first: a refusal waits for a person, a failure for the retry
        this.problems = problems.stream().sorted((a, b) -> Boolean.compare(!a.retry(), !b.retry())).toList();
        this.left = left;
    }

    static FanoutResult poked(boolean retried, int poked, List<Problem> problems, @Nullable V1alpha1PendingTargets left) {
        return new FanoutResult(false, retried, poked, problems, left);
    }

    static FanoutResult checked(int valid, List<Problem> problems) {
        return new FanoutResult(true, false, valid, problems, null);
    }

    public int poked() {
        return checkOnly ? 0 : poked;
    }

    /** Nothing is left to retry: every target was poked, or refused until the spec changes. */
    public boolean complete() {
        return problems.stream().noneMatch(Problem::retry);
    }

    /**
     * The targets a retry must poke, for the status; null when complete, and also when too many
     * failed to list them, so that the retry pokes every target again.
     */
    @Nullable
    public V1alpha1PendingTargets left() {
        return complete() ? null : left;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public String reason() {
        return ok() ? "Succeeded" : problems.get(0).reason();
    }

    public String message() {
        if (ok() && checkOnly) {
            return "spec.resources is valid; its targets are poked at the next event";
        }
        if (ok() && retried) {
            return "Poked the " + poked + " objects left from the previous attempt for the latest event; the others"
                    + " were poked then";
        }
        if (ok()) {
            return poked == 0 ? "spec.resources names no object to poke"
                    : "Poked the " + poked + " objects spec.resources names for the latest event";
        }
        String first = problems.get(0).getMessage();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
