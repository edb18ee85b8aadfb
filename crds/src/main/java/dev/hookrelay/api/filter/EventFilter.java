package dev.hookrelay.api.filter;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * One compiled expression of {@link FilterLanguage} (a filter, or a commit status key): compiled
 * once, evaluated per input with a bound on the steps it may take ({@link FilterLanguage#COST_LIMIT}).
 */
public final class EventFilter {
    private final String expression;
    private final CelRuntime.Program program;

    EventFilter(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    public String expression() {
        return expression;
    }

    /**
     * True when the expression holds for these variables. An error (a missing field, a wrong
     * type, the cost limit) is a FilterException: callers count it as no match.
     */
    public boolean matches(Map<String, ?> variables) throws FilterException {
        Object result = evaluate(variables);
        if (!(result instanceof Boolean matched)) {
            throw new FilterException("the expression gave " + typeOf(result) + ", not a bool");
        }
        return matched;
    }

    /** The string the expression gives for these variables; an error is a FilterException. */
    public String text(Map<String, ?> variables) throws FilterException {
        Object result = evaluate(variables);
        if (!(result instanceof String text)) {
            throw new FilterException("the expression gave " + typeOf(result) + ", not a string");
        }
        return text;
    }

    private Object evaluate(Map<String, ?> variables) throws FilterException {
        try {
            return program.trace(variables, new CostLimit());
        } catch (CelEvaluationException | CostLimit.Exceeded e) {
            throw new FilterException(CostLimit.exceeded(e)
                    ? "the expression took more than " + FilterLanguage.COST_LIMIT + " steps" : e.getMessage());
        }
    }

    private static String typeOf(Object result) {
        return result == null ? "null" : result.getClass().getSimpleName();
    }

    /** Counts evaluated sub-expressions and stops the evaluation past the limit. */
    private static final class CostLimit implements dev.cel.runtime.CelEvaluationListener {
        private int steps;

        @Override
        public void callback(dev.cel.common.ast.CelExpr expr, Object result) {
            if (++steps > FilterLanguage.COST_LIMIT) {
                throw new Exceeded();
            }
        }

        /** The runtime wraps what the listener throws. */
        static boolean exceeded(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Exceeded) {
                    return true;
                }
            }
            return false;
        }

        private static final class Exceeded extends RuntimeException {
            Exceeded() {
                super(null, null, false, false);
            }
        }
    }
}
