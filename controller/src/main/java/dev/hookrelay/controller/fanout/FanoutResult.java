package dev.hookrelay.controller.fanout;

import java.util.List;

/** What poking (or checking) the targets of spec.resources came to. */
public final class FanoutResult {
    private final boolean checkOnly;
    private final int poked;
    private final List<TargetProblem> problems;

    private FanoutResult(boolean checkOnly, int poked, List<TargetProblem> problems) {
        this.checkOnly = checkOnly;
        this.poked = poked;
        // what blocks progress first: a refusal waits for a person, a failure for the retry
        this.problems = problems.stream().sorted((a, b) -> Boolean.compare(a.isRefusal(), b.isRefusal())).toList();
    }

    static FanoutResult poked(int poked, List<TargetProblem> problems) {
        return new FanoutResult(false, poked, problems);
    }

    static FanoutResult checked(int valid, List<TargetProblem> problems) {
        return new FanoutResult(true, valid, problems);
    }

    public int poked() {
        return checkOnly ? 0 : poked;
    }

    /** Nothing is left to retry: every target was poked, or refused until the spec changes. */
    public boolean complete() {
        return problems.stream().allMatch(TargetProblem::isRefusal);
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
        if (ok()) {
            return poked == 0 ? "spec.resources names no object to poke"
                    : "Poked the " + poked + " objects spec.resources names for the latest event";
        }
        String first = problems.get(0).getMessage();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problems)";
    }
}
