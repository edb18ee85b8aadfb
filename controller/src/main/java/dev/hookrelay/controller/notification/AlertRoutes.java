package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1AlertSpec;
import dev.hookrelay.api.V1alpha1EventSource;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.api.V1alpha1TargetRef;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which Alerts an event matches, as Flux's notification-controller decides: the Alert is not
 * suspended; the event's severity is error, or the Alert takes info; an eventSources entry
 * names its kind, namespace (the Alert's by default) and name (or '*', narrowed by
 * matchLabels); its message matches an inclusionList expression, if any, and no exclusionList one.
 */
@Singleton
class AlertRoutes {
    private final NotificationCaches caches;
    private final ObjectLabels labels;
    private final NotificationSettings settings;

    AlertRoutes(NotificationCaches caches, ObjectLabels labels, NotificationSettings settings) {
        this.caches = caches;
        this.labels = labels;
        this.settings = settings;
    }

    List<Route> of(FluxEvent event) {
        List<Route> routes = new ArrayList<>();
        for (V1alpha1Alert alert : caches.alerts().list()) {
            if (matches(alert, event)) {
                V1alpha1Provider provider = caches.providers().get(alert.getMetadata().getNamespace(),
                        alert.getSpec().getProviderRef().getName());
                if (provider != null && !provider.getSpec().isSuspend()) {
                    routes.add(new Route(alert, provider));
                }
            }
        }
        return routes;
    }

    private boolean matches(V1alpha1Alert alert, FluxEvent event) {
        V1alpha1AlertSpec spec = alert.getSpec();
        if (spec.isSuspend() || (FluxEvent.ERROR.equals(spec.getEventSeverity()) && !event.isError())) {
            return false;
        }
        if (spec.getEventSources().stream().noneMatch(source -> names(alert, source, event.involvedObject()))) {
            return false;
        }
        return (spec.getInclusionList().isEmpty() || Patterns.anyFound(spec.getInclusionList(), event.message()))
                && !Patterns.anyFound(spec.getExclusionList(), event.message());
    }

    private boolean names(V1alpha1Alert alert, V1alpha1EventSource source, FluxEvent.InvolvedObject object) {
        String namespace = sourceNamespace(alert, source);
        if (!namespace.equals(object.namespace()) || !source.getKind().equals(object.kind())
                || !crossNamespaceAllowed(alert, namespace)) {
            return false;
        }
        if (source.getApiVersion() != null && !source.getApiVersion().isEmpty() && object.apiVersion() != null
                && !source.getApiVersion().equals(object.apiVersion())) {
            return false;
        }
        if (!V1alpha1TargetRef.ANY_NAME.equals(source.getName())) {
            return source.getName().equals(object.name());
        }
        Map<String, String> wanted = source.getMatchLabels();
        if (wanted.isEmpty()) {
            return true;
        }
        Map<String, String> actual = labels.of(object);
        return wanted.entrySet().stream().allMatch(label -> Objects.equals(actual.get(label.getKey()), label.getValue()));
    }

    boolean crossNamespaceAllowed(V1alpha1Alert alert, String namespace) {
        return settings.isAllowCrossNamespace() || namespace.equals(alert.getMetadata().getNamespace());
    }

    static String sourceNamespace(V1alpha1Alert alert, V1alpha1EventSource source) {
        return source.getNamespace() == null || source.getNamespace().isEmpty()
                ? alert.getMetadata().getNamespace() : source.getNamespace();
    }
}
