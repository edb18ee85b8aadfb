package dev.hookrelay.controller.kube;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** The Lease that elects the one replica that reconciles: {@code hookrelay.controller.leader-election.*}. */
@ConfigurationProperties("hookrelay.controller.leader-election")
public interface LeaderElectionSettings {

    @Bindable(defaultValue = "true")
    boolean isEnabled();

    @Bindable(defaultValue = "hookrelay-controller")
    String getLeaseName();

    /** Namespace of the Lease; unset: the controller's own namespace. */
    @Nullable
    String getLeaseNamespace();

    /** This replica's name in the Lease; unset: the host name (the pod name in a cluster). */
    @Nullable
    String getIdentity();

    /** How long a Lease that is not renewed blocks the other replicas. */
    @Bindable(defaultValue = "15s")
    Duration getLeaseDuration();

    /** How long the leader keeps retrying to renew before it gives up and exits. */
    @Bindable(defaultValue = "10s")
    Duration getRenewDeadline();

    @Bindable(defaultValue = "2s")
    Duration getRetryPeriod();
}
