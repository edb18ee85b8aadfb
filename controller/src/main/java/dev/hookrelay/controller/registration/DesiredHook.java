package dev.hookrelay.controller.registration;

import java.util.Set;

/** The webhook as the Receiver wants it: its URL, its events in the provider's names, the token as secret. */
record DesiredHook(String url, Set<String> events, String secret) {
    @Override
    public String toString() {
        return "webhook to " + url + " for " + events;
    }
}
