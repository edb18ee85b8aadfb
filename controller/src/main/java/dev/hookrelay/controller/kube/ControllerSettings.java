package dev.hookrelay.controller.kube;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/** How the controller watches and retries: {@code hookrelay.controller.*}. */
@ConfigurationProperties("hookrelay.controller")
public interface ControllerSettings {

    /** Namespaces whose Receivers are provisioned; empty means every namespace. */
    @Bindable(defaultValue = "")
    List<String> getNamespaces();

    /** Reconciles running in parallel. */
    @Bindable(defaultValue = "4")
    int getWorkers();

    /** First retry delay of a failed reconcile; it doubles on each further failure. */
    @Bindable(defaultValue = "100ms")
    Duration getRetryBaseDelay();

    /** Longest retry delay, for example while Knative Serving is not installed. */
    @Bindable(defaultValue = "60s")
    Duration getRetryMaxDelay();

    /** Every Receiver is reconciled again this often even without a change, 0 never. */
    @Bindable(defaultValue = "10m")
    Duration getResyncPeriod();

    /**
     * How often a Secret that spec.secretRef names is read again: it is not watched (the
     * controller watches only its own Secrets), so a rotated token shows this much later.
     */
    @Bindable(defaultValue = "1m")
    Duration getReferencedSecretRecheck();

    /**
     * After a rotation, how long deliveries the provider sent before it confirmed the new secret
     * (spec.registration) may still be arriving: the previous token is dropped this long after the
     * confirmation, if its grace period has not ended before.
     */
    @Bindable(defaultValue = "1m")
    Duration getRotationDrain();
}
