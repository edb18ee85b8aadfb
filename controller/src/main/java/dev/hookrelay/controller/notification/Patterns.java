package dev.hookrelay.controller.notification;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compiled inclusion and exclusion expressions of Alerts, compiled once each: RE2 syntax
 * and semantics, as Go's regexp that Flux uses, so an expression means what it meant there.
 */
final class Patterns {
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Patterns() {
    }

    /** The pattern, or null when the expression does not compile (the Alert's Ready says so). */
    static Pattern of(String expression) {
        Pattern cached = COMPILED.get(expression);
        if (cached != null) {
            return cached;
        }
        try {
            Pattern pattern = Pattern.compile(expression);
            if (COMPILED.size() < MAX_CACHED) {
                COMPILED.put(expression, pattern);
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Whether any of the expressions is found in the message; those that do not compile never are. */
    static boolean anyFound(Iterable<String> expressions, String message) {
        for (String expression : expressions) {
            Pattern pattern = of(expression);
            if (pattern != null && pattern.matcher(message).find()) {
                return true;
            }
        }
        return false;
    }
}
