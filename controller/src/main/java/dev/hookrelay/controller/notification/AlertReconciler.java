package dev.hookrelay.controller.notification;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1EventSource;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import jakarta.inject.Singleton;
import java.util.stream.Stream;

/**
 * Ready of an Alert: its Provider exists and is Ready, its expressions compile, and the
 * namespaces it names are allowed. Events are routed whatever Ready says (as in Flux's
 * v1beta3, where Alerts have no status): Ready tells why nothing arrives.
 */
@Singleton
class AlertReconciler implements Reconciler {
    private final NotificationCaches caches;
    private final AlertRoutes routes;
    private final ReadyStatusWriter<V1alpha1Alert> status;

    AlertReconciler(NotificationCaches caches, AlertRoutes routes, ApiClient client) {
        this.caches = caches;
        this.routes = routes;
        this.status = new ReadyStatusWriter<>(client, "Alert", HookrelayApi.ALERTS);
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Alert alert = caches.alerts().get(request.getNamespace(), request.getName());
        if (alert == null) {
            return new Result(false);
        }
        try {
            write(alert);
            return new Result(false);
        } catch (ApiException e) {
            return new Result(true);
        }
    }

    private void write(V1alpha1Alert alert) throws ApiException {
        if (alert.getSpec().isSuspend()) {
            status.write(alert, false, "Suspended", "spec.suspend is true: no event is sent for this Alert");
            return;
        }
        String providerName = alert.getSpec().getProviderRef().getName();
        V1alpha1Provider provider = caches.providers().get(alert.getMetadata().getNamespace(), providerName);
        if (provider == null) {
            status.write(alert, false, "ProviderNotFound", "Provider " + providerName + " does not exist in namespace "
                    + alert.getMetadata().getNamespace() + "; create it or fix spec.providerRef");
            return;
        }
        V1Condition providerReady = provider.getStatus() == null ? null
                : Conditions.find(provider.getStatus().getConditions(), ReadyStatusWriter.READY);
        if (providerReady != null && "False".equals(providerReady.getStatus())) {
            status.write(alert, false, "ProviderNotReady", "Provider " + providerName + " is not Ready ("
                    + providerReady.getReason() + "): " + providerReady.getMessage());
            return;
        }
        String invalid = Stream.concat(alert.getSpec().getInclusionList().stream(), alert.getSpec().getExclusionList().stream())
                .filter(expression -> Patterns.of(expression) == null).findFirst().orElse(null);
        if (invalid != null) {
            status.write(alert, false, "InvalidExpression", "'" + invalid + "' in spec.inclusionList or spec.exclusionList"
                    + " is not a valid regular expression; fix or remove it");
            return;
        }
        for (V1alpha1EventSource source : alert.getSpec().getEventSources()) {
            String namespace = AlertRoutes.sourceNamespace(alert, source);
            if (!routes.crossNamespaceAllowed(alert, namespace)) {
                status.write(alert, false, "CrossNamespaceRefused", "eventSources names namespace " + namespace
                        + ", but Alerts may only name their own; move the Alert, or set"
                        + " hookrelay.notification.allow-cross-namespace in the controller's configuration");
                return;
            }
        }
        status.write(alert, true, "Succeeded", "Sending matching events to Provider " + providerName);
    }
}
