package dev.hookrelay.controller.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.models.V1Condition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two status writers of one Receiver, each applying only its own fields, beside receiver-fn's
 * counters: nobody's write drops another's conditions or fields, a field a writer leaves out
 * is removed, and a write that would change nothing is not sent.
 */
@ExtendWith(ControlPlaneExtension.class)
class StatusApplyTest {
    private static final OffsetDateTime SINCE = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

    @Test
    void eachWriterKeepsToItsOwnFields(ControlPlane plane, TestNamespace namespace) throws Exception {
        Cluster cluster = new Cluster(plane, namespace.name());
        ApiClient admin = plane.adminClient();
        Gson gson = admin.getJSON().getGson();
        StatusApply provisioning = new StatusApply(admin, "Receiver", HookrelayApi.RECEIVERS, "test-provisioning",
                Set.of("url"), Set.of("Ready"));
        StatusApply fanout = new StatusApply(admin, "Receiver", HookrelayApi.RECEIVERS, "test-fanout",
                Set.of("handledEventCount"), Set.of("TargetsPoked"));
        V1alpha1Receiver receiver = cluster.createReceiver("shared");

        assertTrue(provisioning.apply(receiver, receiver.getStatus(), status(gson, "http://fn/hook/x", "Ready", "True")));
        cluster.patchReceiverStatus("shared", "{\"status\": {\"eventCount\": 3}}");
        JsonObject poked = status(gson, null, "TargetsPoked", "True");
        poked.addProperty("handledEventCount", 3);
        assertTrue(fanout.apply(receiver, receiver.getStatus(), poked));
        provisioning.apply(receiver, cluster.receiver("shared").getStatus(), status(gson, null, "Ready", "False"));

        V1alpha1ReceiverStatus status = cluster.receiver("shared").getStatus();
        assertNull(status.getUrl(), "left out by its only writer, so removed");
        assertEquals("False", condition(status, "Ready").getStatus());
        assertEquals("True", condition(status, "TargetsPoked").getStatus());
        assertEquals(3, status.getHandledEventCount());
        assertEquals(3, status.getEventCount());

        V1alpha1Receiver now = cluster.receiver("shared");
        assertFalse(fanout.apply(now, now.getStatus(), poked));
        assertFalse(provisioning.apply(now, now.getStatus(), status(gson, null, "Ready", "False")));
        assertEquals(now.getMetadata().getResourceVersion(), cluster.receiver("shared").getMetadata().getResourceVersion());
    }

    private static JsonObject status(Gson gson, String url, String type, String conditionStatus) {
        JsonObject status = new JsonObject();
        if (url != null) {
            status.addProperty("url", url);
        }
        JsonArray conditions = new JsonArray();
        conditions.add(gson.toJsonTree(new V1Condition().type(type).status(conditionStatus).reason("Test")
                .message("set by the test").observedGeneration(1L).lastTransitionTime(SINCE)));
        status.add("conditions", conditions);
        return status;
    }

    private static V1Condition condition(V1alpha1ReceiverStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow();
    }
}
