package dev.hookrelay.controller.registration;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One provider's REST API for the webhooks of one repository, organization, group or project.
 * Every method throws {@link ProviderException} with what the provider answered.
 */
interface HookApi {

    /** The Receiver's spec.events in the provider's names for webhook subscriptions. */
    Set<String> events(List<String> receiverEvents);

    /** The webhook, or empty when the provider has none of that id. */
    Optional<Hook> get(String id);

    /** Every webhook there, from every page. */
    List<Hook> list();

    Hook create(DesiredHook desired);

    /** Sets url, events, secret, content type and active on an existing webhook. */
    Hook update(String id, DesiredHook desired);

    /** Deletes the webhook; one that is already gone is fine. */
    void delete(String id);

    /**
     * Whether {@link #update} sets the secret. Gitea's API (and its relatives') cannot change the
     * secret of an existing webhook, so a new secret there means a new webhook.
     */
    default boolean updatesSecret() {
        return true;
    }
}
