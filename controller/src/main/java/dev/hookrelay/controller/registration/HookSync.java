package dev.hookrelay.controller.registration;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Brings the webhook at the provider to what the Receiver wants, looking only at what is there
 * now: the known webhook is read back and repaired; one deleted by hand is re-created; the first
 * time, a webhook already delivering to the same URL is adopted rather than duplicated.
 */
final class HookSync {
    enum Action {
        CREATED("HookCreated", "Created"),
        ADOPTED("HookAdopted", "Adopted"),
        RECREATED("HookRecreated", "Re-created"),
        RESTORED("HookRestored", "Restored"),
        VERIFIED("HookVerified", "Verified");

        final String reason;
        final String verb;

        Action(String reason, String verb) {
            this.reason = reason;
            this.verb = verb;
        }
    }

    /** What was done, and why, for the Event. */
    record Result(Hook hook, Action action, String why) {
    }

    private HookSync() {
    }

    /**
     * {@code secretCurrent}: whether the webhook is known to hold the Receiver's current token;
     * otherwise the secret is set again (with a new webhook where the provider cannot update it).
     */
    static Result sync(HookApi api, DesiredHook desired, @Nullable String knownId, boolean secretCurrent) {
        Optional<Hook> known = knownId == null ? Optional.empty() : api.get(knownId);
        if (known.isEmpty()) {
            Optional<Hook> sameUrl = api.list().stream().filter(h -> h.url().equals(desired.url())).findFirst();
            if (sameUrl.isPresent()) {
                Hook adopted = setSecret(api, sameUrl.get(), desired);
                return new Result(adopted, Action.ADOPTED, "webhook " + sameUrl.get().id() + " already delivered to status.url"
                        + (adopted.id().equals(sameUrl.get().id()) ? "" : "; this provider cannot change the secret of a"
                        + " webhook, so it was replaced by webhook " + adopted.id()));
            }
            Hook created = api.create(desired);
            return knownId == null ? new Result(created, Action.CREATED, "")
                    : new Result(created, Action.RECREATED, "webhook " + knownId + " was deleted at the provider");
        }
        Hook hook = known.get();
        String drift = hook.drift(desired);
        if (drift.isEmpty() && secretCurrent) {
            return new Result(hook, Action.VERIFIED, "");
        }
        if (!secretCurrent) {
            Hook updated = setSecret(api, hook, desired);
            return new Result(updated, Action.RESTORED, (drift.isEmpty() ? "" : drift + " changed at the provider; ")
                    + "secret set to the Receiver's token" + (updated.id().equals(hook.id()) ? ""
                    : " (this provider cannot change the secret of a webhook: replaced by webhook " + updated.id() + ")"));
        }
        return new Result(api.update(hook.id(), desired), Action.RESTORED, drift + " changed at the provider");
    }

    private static Hook setSecret(HookApi api, Hook hook, DesiredHook desired) {
        if (api.updatesSecret()) {
            return api.update(hook.id(), desired);
        }
        Hook replacement = api.create(desired);
        api.delete(hook.id());
        return replacement;
    }
}
