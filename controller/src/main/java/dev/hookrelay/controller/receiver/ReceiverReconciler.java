package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.controller.filter.CompiledFilters;
import dev.hookrelay.controller.kube.KubeEvents;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import jakarta.inject.Singleton;
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
    private final FunctionAccessObjects functionAccess;
    private final FunctionService functionService;
    private final ReceiverStatusWriter statusWriter;
    private final KubeEvents events;
    private final CompiledFilters filters;

    ReceiverReconciler(ReceiverCaches caches, TokenSecret tokenSecret, FunctionAccessObjects functionAccess,
                       FunctionService functionService, ReceiverStatusWriter statusWriter, KubeEvents events,
                       CompiledFilters filters) {
        this.caches = caches;
        this.tokenSecret = tokenSecret;
        this.functionAccess = functionAccess;
        this.functionService = functionService;
        this.statusWriter = statusWriter;
        this.events = events;
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
            return new Result(outcome.retry());
        } catch (ApiException e) {
            LOG.warn("Receiver {}/{}: the API server answered {} ({}); retrying with backoff",
                    request.getNamespace(), request.getName(), e.getCode(), e.getMessage());
            return new Result(true);
        }
    }

    private Outcome provision(V1alpha1Receiver receiver) throws ApiException {
        Token token = null;
        try {
            checkNameFits(receiver);
            token = tokenSecret.resolve(receiver);
            functionAccess.ensure(receiver);
            checkFilterCompiles(receiver);
            Optional<String> serviceUrl = functionService.ensure(receiver, token);
            if (receiver.getSpec().isSuspend()) {
                return Outcome.suspended(token, serviceUrl.orElse(null));
            }
            String serviceName = FunctionService.name(receiver);
            return serviceUrl.isPresent()
                    ? Outcome.ready(token, serviceUrl.get(), "Knative Service " + serviceName
                            + " serves the webhook; register status.url at the provider")
                    : Outcome.progressing(token, "ServiceNotReady", "Waiting for Knative Service " + serviceName
                            + " to become Ready");
        } catch (Problem problem) {
            return Outcome.stalled(problem, token);
        }
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
