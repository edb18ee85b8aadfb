package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.RunningController;
import io.kubernetes.client.openapi.models.V1Condition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** spec.filter reaches the function through its Knative Service, but only once it compiles. */
@ExtendWith(RunningController.class)
class FilterRolloutTest {

    @Test
    void filterThatDoesNotCompileIsReportedAndNeverReachesTheFunction(Cluster cluster) {
        cluster.createReceiver("filtered", new V1alpha1ReceiverSpec().type("github")
                .filter("event.ref == 'refs/heads/main'"));
        cluster.awaitReady("filtered", "False", "ServiceNotReady");
        assertEquals("event.ref == 'refs/heads/main'", functionFilter(cluster));

        cluster.patchReceiver("filtered", """
                {"spec": {"filter": "event.ref == "}}""");

        cluster.awaitReady("filtered", "False", "FilterInvalid");
        V1Condition stalled = cluster.condition("filtered", "Stalled");
        assertEquals("True", stalled.getStatus());
        assertTrue(stalled.getMessage().startsWith("spec.filter does not compile: ERROR: <input>:1:"), stalled.getMessage());
        assertTrue(stalled.getMessage().contains("the function keeps its last good filter"), stalled.getMessage());
        assertEquals("event.ref == 'refs/heads/main'", functionFilter(cluster));

        cluster.patchReceiver("filtered", """
                {"spec": {"filter": "event.ref.startsWith('refs/tags/')"}}""");

        cluster.awaitReady("filtered", "False", "ServiceNotReady");
        assertEquals("event.ref.startsWith('refs/tags/')", functionFilter(cluster));
    }

    @Test
    void filterThatEvaluatesToSomethingElseThanABoolDoesNotCompile(Cluster cluster) {
        cluster.createReceiver("not-a-bool", new V1alpha1ReceiverSpec().type("github").filter("event.ref"));

        cluster.awaitReady("not-a-bool", "False", "FilterInvalid");
        assertTrue(cluster.condition("not-a-bool", "Ready").getMessage().contains("bool"),
                cluster.condition("not-a-bool", "Ready").getMessage());
        assertEquals(null, cluster.knativeService("hookrelay-not-a-bool"), "no function for a filter that does not compile");
    }

    private static String functionFilter(Cluster cluster) {
        return ReceiverProvisioningTest.env(ReceiverProvisioningTest.template(cluster.knativeService("hookrelay-filtered"))
                .getAsJsonObject("spec").getAsJsonArray("containers").get(0).getAsJsonObject())
                .get(FunctionContract.ENV_RECEIVER_FILTER);
    }
}
