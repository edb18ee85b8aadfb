package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1TargetRef;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;

/**
 * Why a target was not poked, said so that a person knows what to do. A refusal stands until
 * the spec or the controller's configuration changes; anything else is retried with backoff.
 */
final class TargetProblem extends Exception {
    private final String reason;
    private final boolean refusal;

    private TargetProblem(String reason, String message, boolean refusal) {
        super(message, null, false, false);
        this.reason = reason;
        this.refusal = refusal;
    }

    static TargetProblem refused(String reason, String message) {
        return new TargetProblem(reason, message, true);
    }

    static TargetProblem retried(String reason, String message) {
        return new TargetProblem(reason, message, false);
    }

    /** What the API server's answer to a poke means; never carries the response body. */
    static TargetProblem ofPoke(TargetObject target, ApiException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            return notFound(target);
        }
        return ofApi("poke " + target, target.kind().plural() + "." + target.kind().group(), "patch", e);
    }

    static TargetProblem notFound(TargetObject target) {
        return retried("TargetNotFound", target + " does not exist; create it or fix spec.resources");
    }

    /** Discovering a kind or listing its objects failed. */
    static TargetProblem ofLookup(V1alpha1TargetRef ref, ApiException e) {
        return ofApi("look up " + ref.getKind() + " objects of " + ref.getApiVersion(), ref.getKind(), "list", e);
    }

    private static TargetProblem ofApi(String action, String resource, String verb, ApiException e) {
        if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
            return retried("Forbidden", "The controller may not " + action + "; grant its ClusterRole " + verb
                    + " on " + resource);
        }
        String answer = e.getCode() == 0 ? e.getMessage() : "the API server answered " + e.getCode();
        return retried("ApiError", "Could not " + action + ": " + answer);
    }

    String reason() {
        return reason;
    }

    boolean isRefusal() {
        return refusal;
    }
}
