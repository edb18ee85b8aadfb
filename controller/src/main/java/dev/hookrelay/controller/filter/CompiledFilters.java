package dev.hookrelay.controller.filter;

import dev.hookrelay.api.filter.EventFilter;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.api.filter.FilterLanguage;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each filter expression compiled once, whatever the number of reconciles and resyncs: the
 * compiled program, or the compiler's message. Bounded: the least recently used is dropped.
 */
@Singleton
public class CompiledFilters {
    private static final int CAPACITY = 1024;

    private final Map<String, Compiled> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > CAPACITY;
        }
    };

    /** spec.filter, as the function will compile it. */
    public EventFilter delivery(String expression) throws FilterException {
        return get("delivery:" + expression, () -> FilterLanguage.deliveryFilter(expression));
    }

    /** spec.resources[].filter. */
    public EventFilter target(String expression) throws FilterException {
        return get("target:" + expression, () -> FilterLanguage.targetFilter(expression));
    }

    /** A Provider's spec.commitStatusExpr. */
    public EventFilter commitStatusKey(String expression) throws FilterException {
        return get("commit-status:" + expression, () -> FilterLanguage.commitStatusKey(expression));
    }

    private synchronized EventFilter get(String key, Compiler compiler) throws FilterException {
        Compiled result = compiled.get(key);
        if (result == null) {
            try {
                result = new Compiled(compiler.compile(), null);
            } catch (FilterException e) {
                result = new Compiled(null, e.getMessage());
            }
            compiled.put(key, result);
        }
        if (result.filter == null) {
            throw new FilterException(result.error);
        }
        return result.filter;
    }

    private interface Compiler {
        EventFilter compile() throws FilterException;
    }

    private record Compiled(EventFilter filter, String error) {
    }
}
