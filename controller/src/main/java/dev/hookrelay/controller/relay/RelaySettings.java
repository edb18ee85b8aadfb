package dev.hookrelay.controller.relay;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** How Relays reach their hub: {@code hookrelay.relay.*}. */
@ConfigurationProperties("hookrelay.relay")
public interface RelaySettings {

    /** First wait before reconnecting to a hub that failed; it doubles on each further failure. */
    @Bindable(defaultValue = "500ms")
    Duration getReconnectBaseDelay();

    /** Longest wait between reconnects, for example while the hub is down. */
    @Bindable(defaultValue = "30s")
    Duration getReconnectMaxDelay();

    /** The hub ends each watch after this long, and the Relay starts the next one where it ended. */
    @Bindable(defaultValue = "5m")
    Duration getWatchTimeout();

    @Bindable(defaultValue = "10s")
    Duration getConnectTimeout();

    /**
     * HTTP/2 pings to the hub this often: a hub that stops answering them (a network that drops
     * packets rather than connections) counts as unreachable without waiting for the watch to end.
     */
    @Bindable(defaultValue = "30s")
    Duration getPingInterval();

    /** Whether a hub kubeconfig may name a plain http server: the token then travels unencrypted. */
    @Bindable(defaultValue = "false")
    boolean isAllowPlainHttp();

    /** Whether a hub kubeconfig may set insecure-skip-tls-verify: whoever answers gets the token. */
    @Bindable(defaultValue = "false")
    boolean isAllowInsecureSkipTlsVerify();
}
