package dev.hookrelay.controller.registration;

/**
 * Why the webhook cannot be kept as wanted, as the Registered condition says it: a reason and
 * a message that says what to fix. Never carries a credential.
 */
class RegistrationProblem extends RuntimeException {
    private final String reason;

    RegistrationProblem(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
