package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.V1alpha1Receiver;

/**
 * Where the token a Ready revision of the function serves is kept: the registration sets that
 * one as the webhook's secret, never a token the running function may not know yet, so a
 * provider never signs with a token the function would refuse.
 */
public final class ServedToken {
    /** The key, in the Receiver's webhook Secret. */
    public static final String KEY = "servedToken";

    private ServedToken() {
    }

    /** The Secret, Hookrelay's own, that holds it. */
    public static String secretName(V1alpha1Receiver receiver) {
        return WebhookSecret.name(receiver);
    }
}
