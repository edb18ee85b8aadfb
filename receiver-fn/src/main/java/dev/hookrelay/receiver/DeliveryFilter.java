package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.filter.EventFilter;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.api.filter.FilterLanguage;
import dev.hookrelay.api.filter.FilterValues;
import dev.hookrelay.receiver.provider.MalformedPayloadException;
import dev.hookrelay.receiver.provider.WebhookRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.annotation.Context;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * spec.filter, compiled once as the process starts. The controller rolls out only expressions
 * that compile, so one that does not stops the start-up rather than letting every delivery through.
 * Without a filter, no CEL class is loaded, which keeps the cold start as it was.
 */
@Context
final class DeliveryFilter {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFilter.class);

    private final EventFilter filter;
    private final MeterRegistry registry;

    DeliveryFilter(@Value("${hookrelay.receiver.filter:}") String expression, MeterRegistry registry) {
        this.registry = registry;
        this.filter = expression.isBlank() ? null : compile(expression);
    }

    private static EventFilter compile(String expression) {
        try {
            return FilterLanguage.deliveryFilter(expression);
        } catch (FilterException e) {
            throw new IllegalStateException(FunctionContract.ENV_RECEIVER_FILTER + " does not compile: " + e.getMessage(), e);
        }
    }

    /** Why this verified delivery is not recorded, or empty when it is. An evaluation error is no match. */
    Optional<String> reasonToIgnore(V1alpha1ReceivedEvent event, WebhookRequest request) {
        if (filter == null) {
            return Optional.empty();
        }
        try {
            Map<String, Object> variables = Map.of(FilterLanguage.EVENT, FilterValues.event(event),
                    FilterLanguage.BODY, FilterValues.json(request.document()),
                    FilterLanguage.HEADERS, request.headers());
            if (filter.matches(variables)) {
                count("match");
                return Optional.empty();
            }
            count("no-match");
            return Optional.of("spec.filter does not match this delivery");
        } catch (FilterException | MalformedPayloadException e) {
            count("error");
            LOG.debug("spec.filter failed on delivery {}: {}", event.getId(), e.getMessage());
            return Optional.of("spec.filter failed on this delivery (" + e.getMessage() + "); counted as no match");
        }
    }

    private void count(String result) {
        Counter.builder("hookrelay.filter.evaluations").tag("result", result).register(registry).increment();
    }
}
