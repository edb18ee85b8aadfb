package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.controller.filter.CompiledFilters;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.KubeEvents;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one Receiver to its provisioned state: the token Secret, the function's access, its
 * Knative Service, then the status that says how far it got. Level-triggered: it looks only
 * at what exists now, so running it again, or after a restart, changes nothing.
 */
@Singleton
class ReceiverReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverReconciler.class);
    private static final int LABEL_VALUE_MAX = 63;

    private final ReceiverCaches caches;
    private final TokenSecret tokenSecret;
    private final WebhookSecret webhookSecret;
    private final FunctionAccessObjects functionAccess;
    private final FunctionService functionService;
    private final ReceiverStatusWriter statusWriter;
    private final KubeEvents events;
    private final Duration referencedSecretRecheck;
    private final CompiledFilters filters;

    ReceiverReconciler(ReceiverCaches caches, TokenSecret tokenSecret, WebhookSecret webhookSecret,
                       FunctionAccessObjects functionAccess, FunctionService functionService,
                       ReceiverStatusWriter statusWriter, KubeEvents events, ControllerSettings settings,
                       CompiledFilters filters) {
        this.caches = caches;
        this.tokenSecret = tokenSecret;
        this.webhookSecret = webhookSecret;
        this.functionAccess = functionAccess;
        this.functionService = functionService;
        this.statusWriter = statusWriter;
        this.events = events;
        this.referencedSecretRecheck = settings.getReferencedSecretRecheck();
        this.filters = filters;
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Receiver receiver = caches.receivers().get(request.getNamespace(), request.getName());
        if (receiver == null || receiver.getMetadata().getDeletionTimestamp() != null) {
            return new Result(false);
        }
        try {
            Outcome outcome = provision(receiver);
            OwnedStatus status = ReceiverStatusWriter.statusFor(receiver, outcome);
            if (statusWriter.write(receiver, status)) {
                announce(receiver, OwnedStatus.of(receiver), status, outcome);
            }
            return next(receiver, outcome);
        } catch (ApiException e) {
            LOG.warn("Receiver {}/{}: the API server answered {} ({}); retrying with backoff",
                    request.getNamespace(), request.getName(), e.getCode(), e.getMessage());
            return new Result(true);
        }
    }

    /**
     * Backoff for what no watch announces; otherwise a Receiver whose Secret is not watched (spec.secretRef)
     * comes back after a while, so that a created, fixed or rotated Secret is noticed.
     */
    private Result next(V1alpha1Receiver receiver, Outcome outcome) {
        if (outcome.retry()) {
            return new Result(true);
        }
        return receiver.getSpec().getSecretRef() != null ? new Result(true, referencedSecretRecheck) : new Result(false);
    }

    private Outcome provision(V1alpha1Receiver receiver) throws ApiException {
        Token token = null;
        WebhookPath path = null;
        try {
            checkNameFits(receiver);
            token = tokenSecret.resolve(receiver);
            path = webhookSecret.path(receiver, token);
            functionAccess.ensure(receiver);
            checkFilterCompiles(receiver);
            Optional<String> serviceUrl = functionService.ensure(receiver, token, path);
            if (path.credential() && serviceUrl.isPresent()) {
                webhookSecret.keepUrl(receiver, path.url(serviceUrl.get()));
            }
            if (receiver.getSpec().isSuspend()) {
                return Outcome.suspended(token, path, serviceUrl.orElse(null));
            }
            String serviceName = FunctionService.name(receiver);
            return serviceUrl.isPresent()
                    ? Outcome.ready(token, path, serviceUrl.get(), "Knative Service " + serviceName
                            + " serves the webhook; " + whereToFindTheUrl(receiver, path))
                    : Outcome.progressing(token, path, "ServiceNotReady", "Waiting for Knative Service " + serviceName
                            + " to become Ready");
        } catch (Problem problem) {
            return Outcome.stalled(problem, token, path);
        }
    }

    private static String whereToFindTheUrl(V1alpha1Receiver receiver, WebhookPath path) {
        return path.credential()
                ? "its URL is the only credential of a " + receiver.getSpec().getType() + " webhook, so status shows it "
                        + "redacted: register the key `" + FunctionContract.URL_KEY + "` of Secret "
                        + WebhookSecret.urlSecretName(receiver) + " at the provider"
                : "register status.url at the provider";
    }

    /** The Receiver's name goes into a label of every object it owns, where 63 characters is the limit. */
    private static void checkNameFits(V1alpha1Receiver receiver) {
        String name = receiver.getMetadata().getName();
        if (name.length() > LABEL_VALUE_MAX) {
            throw Problem.awaitingChange("NameTooLong", "The Receiver's name has " + name.length()
                    + " characters; its function's objects carry it in a label, which allows at most " + LABEL_VALUE_MAX
                    + "; recreate the Receiver with a shorter name");
        }
    }

    /**
     * Checked before the Knative Service is touched, so a filter that does not compile never
     * reaches the function, which keeps serving with its last good one.
     */
    private void checkFilterCompiles(V1alpha1Receiver receiver) {
        String filter = receiver.getSpec().getFilter();
        if (filter == null) {
            return;
        }
        try {
            filters.delivery(filter);
        } catch (FilterException e) {
            throw Problem.awaitingChange("FilterInvalid", "spec.filter does not compile: " + e.getMessage()
                    + "; fix it (the function keeps its last good filter until then)");
        }
    }

    /** An Event whenever Ready changes its status or its reason. */
    private void announce(V1alpha1Receiver receiver, OwnedStatus before, OwnedStatus after, Outcome outcome) {
        V1Condition was = ReceiverConditions.find(before.conditions(), ReceiverConditions.READY);
        V1Condition now = ReceiverConditions.find(after.conditions(), ReceiverConditions.READY);
        if (was != null && Objects.equals(was.getStatus(), now.getStatus()) && Objects.equals(was.getReason(), now.getReason())) {
            return;
        }
        if (outcome.state() == Outcome.State.STALLED) {
            events.warning(receiver, outcome.reason(), outcome.message());
        } else {
            events.normal(receiver, outcome.reason(), outcome.message());
        }
    }
}
