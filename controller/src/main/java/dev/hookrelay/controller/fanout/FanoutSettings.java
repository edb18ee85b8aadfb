package dev.hookrelay.controller.fanout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** How targets are poked: {@code hookrelay.fanout.*}. */
@ConfigurationProperties("hookrelay.fanout")
public interface FanoutSettings {

    /** Whether spec.resources may name targets outside the namespace of the Receiver or Relay. */
    @Bindable(defaultValue = "false")
    boolean isAllowCrossNamespace();

    /** The annotation, set to the event time, that pokes a kind without a known reconcile trigger. */
    @Bindable(defaultValue = "hookrelay.dev/requestedAt")
    String getAnnotation();

    /** Targets patched at once, across all Receivers and Relays. */
    @Bindable(defaultValue = "8")
    int getParallelism();
}
