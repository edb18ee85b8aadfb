package dev.hookrelay.controller.registration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** How webhooks are kept at the providers: {@code hookrelay.registration.*}. */
@ConfigurationProperties("hookrelay.registration")
public interface RegistrationSettings {

    /** Each registered webhook is read back from its provider this often, to repair what was changed there. */
    @Bindable(defaultValue = "10m")
    Duration getVerifyPeriod();

    /**
     * How long a deleted Receiver waits for its webhook to be deleted at the provider (unreachable,
     * credentials gone); then it goes anyway, with a Warning Event naming the webhook left behind.
     */
    @Bindable(defaultValue = "5m")
    Duration getDeleteTimeout();

    /** Timeout of one request to a provider's API. */
    @Bindable(defaultValue = "10s")
    Duration getRequestTimeout();
}
