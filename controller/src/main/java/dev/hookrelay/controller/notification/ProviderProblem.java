package dev.hookrelay.controller.notification;

/** Why a Provider cannot send now: the Ready condition's reason and a message that says what to fix. */
final class ProviderProblem extends Exception {
    private final String reason;

    ProviderProblem(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
