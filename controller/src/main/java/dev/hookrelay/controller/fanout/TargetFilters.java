package dev.hookrelay.controller.fanout;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.api.filter.EventFilter;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.api.filter.FilterLanguage;
import dev.hookrelay.api.filter.FilterValues;
import dev.hookrelay.controller.filter.CompiledFilters;
import dev.hookrelay.controller.kube.KubeEvents;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * spec.resources[].filter: which of the objects an entry names are poked for a batch of new
 * events. A filter that does not compile refuses its entry until the spec changes; one that
 * fails on an event counts as no match for it, and says so in a Warning Event on the owner.
 */
@Singleton
class TargetFilters {
    static final String FILTER_INVALID = "FilterInvalid";
    static final String FILTER_FAILED = "FilterFailed";

    private final CompiledFilters compiled;
    private final KubeEvents events;

    TargetFilters(CompiledFilters compiled, KubeEvents events) {
        this.compiled = compiled;
        this.events = events;
    }

    /** Refuses an entry whose filter does not compile, with the compiler's message. */
    void check(V1alpha1TargetRef ref) {
        compile(ref);
    }

    Selection forEvents(KubernetesObject owner, NewEvents newEvents) {
        return new Selection(owner, newEvents);
    }

    private EventFilter compile(V1alpha1TargetRef ref) {
        if (ref.getFilter() == null) {
            return null;
        }
        try {
            return compiled.target(ref.getFilter());
        } catch (FilterException e) {
            throw Problem.awaitingChange(FILTER_INVALID, "The filter of spec.resources entry " + ref.getKind() + " "
                    + ref.getName() + " does not compile: " + e.getMessage());
        }
    }

    /** The choice for one poke: the owner to warn, the events to match. */
    final class Selection {
        private final KubernetesObject owner;
        private final NewEvents newEvents;
        private boolean warned;

        private Selection(KubernetesObject owner, NewEvents newEvents) {
            this.owner = owner;
            this.newEvents = newEvents;
        }

        /** The objects to poke: all of them without a filter, or while some new events are no longer known. */
        List<TargetObject> wanted(V1alpha1TargetRef ref, List<TargetObject> objects) {
            EventFilter filter = compile(ref);
            if (filter == null || !newEvents.complete()) {
                return objects;
            }
            return objects.stream().filter(object -> matchesAny(filter, object)).toList();
        }

        private boolean matchesAny(EventFilter filter, TargetObject object) {
            Map<String, Object> target = FilterValues.target(object.metadata() != null ? object.metadata()
                    : new V1ObjectMeta().name(object.name()).namespace(object.namespace()));
            for (V1alpha1ReceivedEvent event : newEvents.known()) {
                try {
                    if (filter.matches(Map.of(FilterLanguage.EVENT, FilterValues.event(event), FilterLanguage.TARGET, target))) {
                        return true;
                    }
                } catch (FilterException e) {
                    warnOnce(object, event, e);
                }
            }
            return false;
        }

        private void warnOnce(TargetObject object, V1alpha1ReceivedEvent event, FilterException e) {
            if (!warned) {
                warned = true;
                events.warning(owner, FILTER_FAILED, "The filter for " + object + " failed on event " + event.getId()
                        + " (" + e.getMessage() + "); counted as no match");
            }
        }
    }
}
