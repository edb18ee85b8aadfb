package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import io.micronaut.core.annotation.Nullable;

/**
 * What reconciling a Receiver came to: the state its conditions report, why, and what is
 * known so far (the token and webhook path once resolved, Knative's URL once the function is ready).
 */
record Outcome(State state, String reason, String message, @Nullable Token token, @Nullable WebhookPath webhookPath,
               @Nullable String serviceUrl, boolean retry) {

    enum State { READY, PROGRESSING, STALLED, SUSPENDED }

    static Outcome ready(Token token, WebhookPath webhookPath, String serviceUrl, String message) {
        return new Outcome(State.READY, "Succeeded", message, token, webhookPath, serviceUrl, false);
    }

    static Outcome progressing(Token token, WebhookPath webhookPath, String reason, String message) {
        return new Outcome(State.PROGRESSING, reason, message, token, webhookPath, null, false);
    }

    static Outcome suspended(Token token, WebhookPath webhookPath, @Nullable String serviceUrl) {
        return new Outcome(State.SUSPENDED, "Suspended", "spec.suspend is true: the function answers 503 so that "
                + "providers deliver again later; set it to false to accept deliveries", token, webhookPath, serviceUrl,
                false);
    }

    static Outcome stalled(Problem problem, @Nullable Token token, @Nullable WebhookPath webhookPath) {
        return new Outcome(State.STALLED, problem.reason(), problem.getMessage(), token, webhookPath, null, problem.retry());
    }
}
