package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;

/**
 * The {@link Problem}s of poking targets, said so that a person knows what to do. A refusal
 * (another namespace, a kind not allowed, a filter that does not compile) waits for the spec or
 * the controller's configuration to change; anything else is retried with backoff.
 */
final class TargetProblems {
    private TargetProblems() {
    }

    /** What the API server's answer to a poke means; never carries the response body. */
    static Problem ofPoke(TargetObject target, ApiException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
            return notFound(target);
        }
        return ofApi("poke " + target, target.kind().plural() + "." + target.kind().group(), "patch", e);
    }

    static Problem notFound(TargetObject target) {
        return Problem.retried("TargetNotFound", target + " does not exist; create it or fix spec.resources");
    }

    /** Discovering a kind or listing its objects failed. */
    static Problem ofLookup(V1alpha1TargetRef ref, ApiException e) {
        return ofApi("look up " + ref.getKind() + " objects of " + ref.getApiVersion(), ref.getKind(), "list", e);
    }

    private static Problem ofApi(String action, String resource, String verb, ApiException e) {
        if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
            return Problem.retried("Forbidden", "The controller may not " + action + "; grant its ClusterRole " + verb
                    + " on " + resource);
        }
        String answer = e.getCode() == 0 ? e.getMessage() : "the API server answered " + e.getCode();
        return Problem.retried("ApiError", "Could not " + action + ": " + answer);
    }
}
