package dev.hookrelay.controller.fanout;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/** How targets are poked: {@code hookrelay.fanout.*}. */
@ConfigurationProperties("hookrelay.fanout")
public interface FanoutSettings {

    /** Whether spec.resources may name targets outside the namespace of the Receiver or Relay. */
    @Bindable(defaultValue = "false")
    boolean isAllowCrossNamespace();

    /** The annotation, set to the event time, that pokes a kind without a known reconcile trigger. */
    @Bindable(defaultValue = "hookrelay.dev/requestedAt")
    String getAnnotation();

    /**
     * The kinds spec.resources may name, as resource.group (* for a whole group; a core kind
     * without a group); any other kind is refused. Default: Flux's, Argo CD's Application,
     * Kubeapps' AppRepository, as the shipped ClusterRole allows patching them.
     */
    @Bindable(defaultValue = "*.source.toolkit.fluxcd.io,*.kustomize.toolkit.fluxcd.io,*.helm.toolkit.fluxcd.io,"
            + "*.image.toolkit.fluxcd.io,applications.argoproj.io,apprepositories.kubeapps.com")
    List<String> getAllowedKinds();

    /** Targets patched at once, across all Receivers and Relays. */
    @Bindable(defaultValue = "8")
    int getParallelism();
}
