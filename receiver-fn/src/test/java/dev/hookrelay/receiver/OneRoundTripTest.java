package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The function's status write is scoped to its own fields: while another writer (the
 * controller's fan-out) writes other fields of the same status between deliveries, each idle
 * delivery is still acknowledged after exactly one PATCH and no GET, as counted by the
 * function's metrics and by the API server.
 */
@ExtendWith(ControlPlaneExtension.class)
class OneRoundTripTest {
    private static final int DELIVERIES = 10;

    @Test
    void eachIdleDeliveryTakesOnePatchWhileAnotherWriterWritesOtherStatusFields(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "one-round-trip",
                new V1alpha1ReceiverSpec().type("github"))) {
            assertEquals(200, deliver(function, "first").statusCode());
            MeterRegistry metrics = function.bean(MeterRegistry.class);
            double patchesBefore = requests(metrics, "PATCH");
            double getsBefore = requests(metrics, "GET");
            Map<String, Long> serverBefore = ApiServerRequests.toReceiverStatus(plane);

            for (int i = 1; i <= DELIVERIES; i++) {
                fanOutWrites(plane, function.namespace, function.name, i);
                HttpResponse<String> answer = deliver(function, "idle-" + i);
                assertEquals(200, answer.statusCode(), answer.body());
            }

            Map<String, Long> serverAfter = ApiServerRequests.toReceiverStatus(plane);
            double patches = requests(metrics, "PATCH") - patchesBefore;
            double gets = requests(metrics, "GET") - getsBefore;
            long serverPatches = serverAfter.getOrDefault("PATCH", 0L) - serverBefore.getOrDefault("PATCH", 0L) - DELIVERIES;
            long serverGets = serverAfter.getOrDefault("GET", 0L) - serverBefore.getOrDefault("GET", 0L);
            System.out.printf("one idle delivery, another writer in between: %.2f PATCH and %.2f GET per delivery"
                            + " (API server: %d PATCH, %d GET for %d deliveries)%n",
                    patches / DELIVERIES, gets / DELIVERIES, serverPatches, serverGets, DELIVERIES);
            assertEquals(DELIVERIES, serverPatches, "PATCHes of the function counted by the API server");
            assertEquals(0, serverGets, "GETs of the status counted by the API server");
            assertEquals(DELIVERIES, patches, "PATCHes in hookrelay_status_requests_total");
            assertEquals(0, gets, "GETs in hookrelay_status_requests_total");
            assertEquals(DELIVERIES + 1, function.eventCount());
            assertEquals(DELIVERIES, function.receiver().getStatus().getHandledEventCount());
        }
    }

    /** What the controller's fan-out writes: handledEventCount and its condition, by merge patch. */
    static void fanOutWrites(ControlPlane plane, String namespace, String name, long handled) throws ApiException {
        String patch = """
                {"status": {"handledEventCount": %d, "conditions": [{"type": "TargetsPoked", "status": "True",
                 "reason": "Poked", "message": "poked for event %d", "lastTransitionTime": "2026-11-30T12:00:00Z"}]}}
                """.formatted(handled, handled);
        CustomObjectsApi api = new CustomObjectsApi(plane.adminClient());
        PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION,
                        namespace, HookrelayApi.RECEIVERS, name, new V1Patch(patch)).buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, plane.adminClient());
    }

    private static double requests(MeterRegistry metrics, String verb) {
        return metrics.find("hookrelay.status.requests").tag("verb", verb).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static HttpResponse<String> deliver(RunningFunction function, String id) {
        byte[] body = GitHubDeliveries.push("acme/round-trip", "f".repeat(40));
        return function.post(GitHubDeliveries.headers("push", id, body, function.token), body);
    }
}
