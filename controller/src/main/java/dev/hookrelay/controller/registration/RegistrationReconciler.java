package dev.hookrelay.controller.registration;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1Registration;
import dev.hookrelay.api.V1alpha1RegistrationStatus;
import dev.hookrelay.controller.kube.KubeEvents;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Receiver's webhook at its provider (spec.registration): holds a finalizer, registers
 * status.url with the token as secret, reads it back at every verify period and repairs what
 * was changed there, and deletes it when the Receiver goes, for at most the delete timeout.
 */
@Singleton
class RegistrationReconciler implements Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationReconciler.class);

    private final RegistrationCaches receivers;
    private final Finalizer finalizer;
    private final CredentialsSecret secrets;
    private final HookApis apis;
    private final AppliedSecrets appliedSecrets;
    private final RegistrationStatusWriter statusWriter;
    private final KubeEvents events;
    private final RegistrationSettings settings;

    RegistrationReconciler(RegistrationCaches receivers, Finalizer finalizer, CredentialsSecret secrets, HookApis apis,
                           AppliedSecrets appliedSecrets, RegistrationStatusWriter statusWriter, KubeEvents events,
                           RegistrationSettings settings) {
        this.receivers = receivers;
        this.finalizer = finalizer;
        this.secrets = secrets;
        this.apis = apis;
        this.appliedSecrets = appliedSecrets;
        this.statusWriter = statusWriter;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Receiver receiver = receivers.cache().get(request.getNamespace(), request.getName());
        if (receiver == null) {
            return new Result(false);
        }
        try {
            if (receiver.getMetadata().getDeletionTimestamp() != null) {
                return deleteHook(receiver);
            }
            if (receiver.getSpec().getRegistration() == null) {
                return release(receiver);
            }
            return register(receiver);
        } catch (ApiException e) {
            LOG.warn("Receiver {}/{}: the API server answered {} during registration; retrying with backoff",
                    request.getNamespace(), request.getName(), e.getCode());
            return new Result(true);
        }
    }

    private Result register(V1alpha1Receiver receiver) throws ApiException {
        if (!Finalizer.isOn(receiver)) {
            finalizer.add(receiver);
        }
        V1alpha1Registration spec = receiver.getSpec().getRegistration();
        String type = receiver.getSpec().getType();
        try {
            HookLocation location = HookLocation.of(type, spec);
            String url = receiver.getStatus() == null ? null : receiver.getStatus().getUrl();
            if (url == null) {
                statusWriter.problem(receiver, "WaitingForURL", "Waiting for status.url (the Receiver becomes Ready"
                        + " first) before registering the webhook at " + location.describe());
                return new Result(false);
            }
            Credentials credentials = secrets.read(receiver, spec.getCredentialsRef().getName());
            String token = secrets.webhookToken(receiver);
            HookApi api = apis.open(location, credentials);
            String knownId = knownHook(receiver, location, credentials);
            DesiredHook desired = new DesiredHook(url, api.events(receiver.getSpec().getEvents()), token);
            HookSync.Result result = HookSync.sync(api, desired, knownId, secretCurrent(receiver, api, knownId, token));
            appliedSecrets.record(receiver.getMetadata().getUid(), result.hook().id(), token);
            String message = "Webhook " + result.hook().id() + " at " + location.describe() + " delivers "
                    + String.join(", ", result.hook().events()) + " to status.url";
            statusWriter.registered(receiver, location, result.hook(), result.action() != HookSync.Action.VERIFIED, message);
            if (result.action() != HookSync.Action.VERIFIED) {
                events.normal(receiver, result.action().reason, result.action().verb + " webhook " + result.hook().id()
                        + " at " + location.describe() + (result.why().isEmpty() ? "" : ": " + result.why()));
            }
            return new Result(true, settings.getVerifyPeriod());
        } catch (Problem problem) {
            return reportProblem(receiver, problem);
        } catch (IllegalStateException | UnsupportedOperationException | NullPointerException | ClassCastException e) {
            // Gson on a body that is not the provider's JSON: HTML from a web UI, another API
            return reportProblem(receiver, Problem.retried("ProviderResponseInvalid", "The provider answered in a"
                    + " shape its REST API does not have (" + e.getClass().getSimpleName() + "); check that"
                    + " spec.registration.apiURL is the root of its REST API, for example https://HOST/api/v1 for Gitea"));
        }
    }

    /**
     * The id of the webhook the status records, when it is where the spec now points; one left
     * at a place the spec moved away from is deleted there first.
     */
    private String knownHook(V1alpha1Receiver receiver, HookLocation location, Credentials credentials) {
        V1alpha1RegistrationStatus registered = receiver.getStatus().getRegistration();
        HookLocation before = HookLocation.of(receiver.getSpec().getType(), registered);
        if (before == null) {
            return null;
        }
        if (before.equals(location)) {
            return registered.getHookID();
        }
        try {
            apis.open(before, credentials).delete(registered.getHookID());
            events.normal(receiver, "HookDeleted", "Deleted webhook " + registered.getHookID() + " at "
                    + before.describe() + ": spec.registration now points to " + location.describe());
        } catch (Problem problem) {
            events.warning(receiver, "HookLeftBehind", "Webhook " + registered.getHookID() + " at " + before.describe()
                    + " could not be deleted after spec.registration moved (" + problem.getMessage()
                    + "); delete it there by hand");
        }
        return null;
    }

    /** Whether the webhook is known to hold this token; unknown (after a restart) counts as stale where an update can set it. */
    private boolean secretCurrent(V1alpha1Receiver receiver, HookApi api, String knownId, String token) {
        if (knownId == null) {
            return false;
        }
        Boolean matches = appliedSecrets.matches(receiver.getMetadata().getUid(), knownId, token);
        return matches == null ? !api.updatesSecret() : matches;
    }

    private Result reportProblem(V1alpha1Receiver receiver, Problem problem) throws ApiException {
        if (statusWriter.problem(receiver, problem.reason(), problem.getMessage())) {
            events.warning(receiver, problem.reason(), problem.getMessage());
        }
        if (problem instanceof ProviderException failure && failure.retryAt() != null) {
            Duration wait = Duration.between(Instant.now(), failure.retryAt());
            return new Result(true, wait.isNegative() ? Duration.ofSeconds(1) : wait.plusSeconds(1));
        }
        // WaitingForToken too: the webhook Secret that records the served token is not watched here
        return new Result(true);
    }

    /** spec.registration was removed: the webhook stays at the provider, no longer kept by Hookrelay. */
    private Result release(V1alpha1Receiver receiver) throws ApiException {
        V1alpha1RegistrationStatus registered = receiver.getStatus() == null ? null : receiver.getStatus().getRegistration();
        if (registered != null && registered.getHookID() != null) {
            events.normal(receiver, "HookReleased", "spec.registration was removed: webhook " + registered.getHookID()
                    + " at " + HookLocation.of(receiver.getSpec().getType(), registered).describe()
                    + " stays at the provider and is no longer kept; delete it there if it is not wanted");
        }
        statusWriter.clear(receiver);
        appliedSecrets.forget(receiver.getMetadata().getUid());
        if (Finalizer.isOn(receiver)) {
            finalizer.remove(receiver);
        }
        return new Result(false);
    }

    /**
     * The Receiver is being deleted: delete its webhook, then let it go. If the provider cannot
     * be reached or the credentials are gone, retry until the delete timeout, then let it go
     * anyway with a Warning Event that names the webhook left behind.
     */
    private Result deleteHook(V1alpha1Receiver receiver) throws ApiException {
        if (!Finalizer.isOn(receiver)) {
            return new Result(false);
        }
        V1alpha1RegistrationStatus registered = receiver.getStatus() == null ? null : receiver.getStatus().getRegistration();
        HookLocation location = HookLocation.of(receiver.getSpec().getType(), registered);
        if (location == null) {
            finalizer.remove(receiver);
            return new Result(false);
        }
        String hook = "webhook " + registered.getHookID() + " at " + location.describe();
        try {
            V1alpha1Registration spec = receiver.getSpec().getRegistration();
            if (spec == null) {
                throw Problem.retried("CredentialsGone", "spec.registration was removed, so there are no"
                        + " credentials to delete it with");
            }
            apis.open(location, secrets.read(receiver, spec.getCredentialsRef().getName())).delete(registered.getHookID());
            events.normal(receiver, "HookDeleted", "Deleted " + hook);
        } catch (Problem problem) {
            Instant deadline = receiver.getMetadata().getDeletionTimestamp().toInstant().plus(settings.getDeleteTimeout());
            if (Instant.now().isBefore(deadline)) {
                String message = "Deleting " + hook + " failed: " + problem.getMessage() + ". Retrying until "
                        + OffsetDateTime.ofInstant(deadline, java.time.ZoneOffset.UTC) + ", then the Receiver goes without it";
                if (statusWriter.problem(receiver, "DeleteFailed", message)) {
                    events.warning(receiver, "DeleteFailed", message);
                }
                Duration left = Duration.between(Instant.now(), deadline);
                return new Result(true, left.compareTo(Duration.ofSeconds(5)) < 0 ? left.plusMillis(100) : Duration.ofSeconds(5));
            }
            events.warning(receiver, "HookLeftBehind", "Gave up deleting " + hook + " after "
                    + settings.getDeleteTimeout().toSeconds() + " s (" + problem.getMessage()
                    + "); the Receiver is deleted, delete the webhook at the provider by hand");
        }
        appliedSecrets.forget(receiver.getMetadata().getUid());
        finalizer.remove(receiver);
        return new Result(false);
    }
}
