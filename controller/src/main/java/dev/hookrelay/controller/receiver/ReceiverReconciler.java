package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.controller.filter.CompiledFilters;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
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
    private final TokenRotation rotation;
    private final FunctionAccessObjects functionAccess;
    private final FunctionService functionService;
    private final StatusApply status;
    private final KubeEvents events;
    private final Duration referencedSecretRecheck;
    private final CompiledFilters filters;

    ReceiverReconciler(ReceiverCaches caches, TokenSecret tokenSecret, WebhookSecret webhookSecret,
                       TokenRotation rotation, FunctionAccessObjects functionAccess, FunctionService functionService,
                       ApiClient client, KubeEvents events, ControllerSettings settings,
                       CompiledFilters filters) {
        this.caches = caches;
        this.tokenSecret = tokenSecret;
        this.webhookSecret = webhookSecret;
        this.rotation = rotation;
        this.functionAccess = functionAccess;
        this.functionService = functionService;
        this.status = ProvisioningStatus.writer(client);
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
            Provisioned provisioned = provision(receiver);
            Outcome outcome = provisioned.outcome();
            if (provisioned.knativeAnswersIn() != null) {
                return new Result(true, provisioned.knativeAnswersIn());
            }
            ProvisioningStatus wanted = ProvisioningStatus.of(receiver, outcome, provisioned.rotation(),
                    rotationMessage(receiver, provisioned.rotation()));
            if (status.apply(receiver, receiver.getStatus(), wanted.toStatus())) {
                announce(receiver, wanted, outcome);
            }
            return next(receiver, outcome, provisioned.rotation());
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
    private Result next(V1alpha1Receiver receiver, Outcome outcome, @Nullable RotationState state) {
        if (outcome.retry()) {
            return new Result(true);
        }
        Duration wait = receiver.getSpec().getSecretRef() != null ? referencedSecretRecheck : null;
        Instant wake = state == null ? null : state.hasPrevious() ? rotation.dropAt(receiver, state) : rotation.nextDue(receiver, state);
        if (wake != null) {
            Duration untilWake = Duration.between(Instant.now(), wake).plusSeconds(1);
            wait = wait == null || untilWake.compareTo(wait) < 0 ? untilWake : wait;
        }
        return wait == null ? new Result(false) : new Result(true, wait.isNegative() ? Duration.ofSeconds(1) : wait);
    }

    /**
     * What provisioning came to, the rotation state it gave the function (null if it did not get
     * that far), and, while Knative has yet to answer for a Knative Service just created, how long
     * to wait for it before saying "not ready" in status.
     */
    private record Provisioned(Outcome outcome, @Nullable RotationState rotation, @Nullable Duration knativeAnswersIn) {
        Provisioned(Outcome outcome, @Nullable RotationState rotation) {
            this(outcome, rotation, null);
        }
    }

    private Provisioned provision(V1alpha1Receiver receiver) throws ApiException {
        Token token = null;
        WebhookPath path = null;
        RotationState state = null;
        try {
            checkNameFits(receiver);
            rotation.rotateIfAsked(receiver);
            token = tokenSecret.resolve(receiver);
            path = webhookSecret.path(receiver, token);
            state = rotation.observe(receiver, token);
            functionAccess.ensure(receiver);
            checkFilterCompiles(receiver);
            FunctionService.Rollout function = functionService.ensure(receiver, token, path, state);
            Optional<String> serviceUrl = function.readyUrl();
            if (serviceUrl.isPresent()) {
                state = rotation.served(receiver, state, token);
            }
            if (path.credential() && serviceUrl.isPresent()) {
                webhookSecret.keepUrl(receiver, path.url(serviceUrl.get()));
            }
            if (receiver.getSpec().isSuspend()) {
                return new Provisioned(Outcome.suspended(token, path, serviceUrl.orElse(null)), state);
            }
            String serviceName = FunctionService.name(receiver);
            return serviceUrl.isPresent()
                    ? new Provisioned(Outcome.ready(token, path, serviceUrl.get(), "Knative Service " + serviceName
                            + " serves the webhook; " + whereToFindTheUrl(receiver, path)), state)
                    : new Provisioned(Outcome.progressing(token, path, "ServiceNotReady", "Waiting for Knative Service "
                            + serviceName + " to become Ready"), state, function.knativeAnswersIn().orElse(null));
        } catch (Problem problem) {
            return new Provisioned(Outcome.stalled(problem, token, path), state);
        }
    }

    /** What condition TokenRotation says; null before the first rotation. */
    @Nullable
    private String rotationMessage(V1alpha1Receiver receiver, @Nullable RotationState state) {
        if (state == null || state.rotatedAt() == null) {
            return null;
        }
        return state.hasPrevious()
                ? "The token rotated at " + RotationState.format(state.rotatedAt()) + "; the previous one keeps verifying"
                        + " until " + RotationState.format(rotation.dropAt(receiver, state)) + TokenRotation.untilConfirmed(receiver)
                : "Only the token set at " + RotationState.format(state.rotatedAt()) + " verifies";
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
    private void announce(V1alpha1Receiver receiver, ProvisioningStatus after, Outcome outcome) {
        V1Condition was = receiver.getStatus() == null ? null
                : ReceiverConditions.find(receiver.getStatus().getConditions(), ReceiverConditions.READY);
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
