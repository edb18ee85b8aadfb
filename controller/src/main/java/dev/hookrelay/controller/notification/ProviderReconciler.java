package dev.hookrelay.controller.notification;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Alert;
import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.api.V1alpha1ProviderSpec;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.ControllerName;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Ready of a Provider: its Secrets exist and hold what its type needs, its sinkRef resolves,
 * and its type can format an event with them (checked on a sample event, without sending it).
 */
@Singleton
class ProviderReconciler implements Reconciler {
    private static final FluxEvent SAMPLE = new FluxEvent(
            new FluxEvent.InvolvedObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "default", "sample", "00000000"),
            FluxEvent.INFO, OffsetDateTime.now(ZoneOffset.UTC), "sample", "ReconciliationSucceeded",
            Map.of("revision", "main@sha1:0000000000000000000000000000000000000000"), ControllerName.VALUE, null);

    private static final V1alpha1Alert SAMPLE_ALERT = new V1alpha1Alert()
            .metadata(new V1ObjectMeta().name("sample").namespace("default").uid("00000000"));

    private final NotificationCaches caches;
    private final ProviderEndpoints endpoints;
    private final Notifiers notifiers;
    private final ReadyStatusWriter<V1alpha1Provider> status;
    private final KubeEvents events;
    private final Duration secretRecheck;

    ProviderReconciler(NotificationCaches caches, ProviderEndpoints endpoints, Notifiers notifiers, ApiClient client,
                       KubeEvents events, ControllerSettings settings) {
        this.caches = caches;
        this.secretRecheck = settings.getReferencedSecretRecheck();
        this.endpoints = endpoints;
        this.notifiers = notifiers;
        this.status = new ReadyStatusWriter<>(client, "Provider", HookrelayApi.PROVIDERS);
        this.events = events;
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Provider provider = caches.providers().get(request.getNamespace(), request.getName());
        if (provider == null) {
            return new Result(false);
        }
        try {
            if (provider.getSpec().isSuspend()) {
                status.write(provider, false, "Suspended", "spec.suspend is true: nothing is sent to this Provider");
                return new Result(false);
            }
            try {
                ProviderEndpoint endpoint = endpoints.resolve(provider);
                endpoints.forget(provider.getMetadata().getUid());
                notifiers.forType(endpoint.type()).requests(SAMPLE, endpoint, SAMPLE_ALERT);
                status.write(provider, true, "Succeeded", "Ready to send to " + provider.getSpec().getType());
            } catch (Problem e) {
                notReady(provider, e.reason(), e.getMessage());
            } catch (NotifierException e) {
                notReady(provider, "InvalidConfiguration", e.getMessage());
            }
            return recheckSecrets(provider);
        } catch (ApiException e) {
            return new Result(true);
        }
    }

    /** Secrets are read by name, not watched: a Provider that names one comes back to notice a change. */
    private Result recheckSecrets(V1alpha1Provider provider) {
        V1alpha1ProviderSpec spec = provider.getSpec();
        boolean namesSecrets = spec.getSecretRef() != null || spec.getCertSecretRef() != null
                || spec.getProxySecretRef() != null;
        return namesSecrets ? new Result(true, secretRecheck) : new Result(false);
    }

    private void notReady(V1alpha1Provider provider, String reason, String message) throws ApiException {
        V1Condition before = provider.getStatus() == null ? null
                : Conditions.find(provider.getStatus().getConditions(), ReadyStatusWriter.READY);
        if (before == null || !reason.equals(before.getReason())) {
            events.warning(provider, reason, message);
        }
        status.write(provider, false, reason, message);
    }
}
