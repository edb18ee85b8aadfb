package dev.hookrelay.controller.receiver;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/** How each Receiver's function runs on Knative: {@code hookrelay.function.*}. */
@ConfigurationProperties("hookrelay.function")
public interface FunctionSettings {

    @Bindable(defaultValue = "ghcr.io/hookrelay/receiver-fn:latest")
    String getImage();

    /** Concurrent requests per pod the autoscaler aims for (autoscaling.knative.dev/target). */
    @Bindable(defaultValue = "100")
    int getTarget();

    /** Hard limit of concurrent requests per pod; 0 is unlimited. */
    @Bindable(defaultValue = "0")
    int getContainerConcurrency();

    /**
     * Upper bound of pods (autoscaling.knative.dev/max-scale); the lower bound is always 0. One by
     * default: every pod writes the same Receiver's status, so a second one contends for it
     * (README, "Several function processes on one Receiver").
     */
    @Bindable(defaultValue = "1")
    int getMaxScale();

    /** How long the last pod stays after the last request, in Knative's duration format. */
    @Bindable(defaultValue = "1m")
    String getScaleToZeroRetention();

    @Bindable(defaultValue = "100m")
    String getCpuRequest();

    @Bindable(defaultValue = "128Mi")
    String getMemoryRequest();

    /** Unset: no CPU limit, so a cold start is not throttled. */
    @Nullable
    String getCpuLimit();

    @Bindable(defaultValue = "256Mi")
    String getMemoryLimit();
}
