package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** spec.filter in the function: evaluated after verification; what does not match is acknowledged and never counted. */
@ExtendWith(ControlPlaneExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryFilterTest {
    private ControlPlane plane;
    private TestNamespace namespace;
    private RunningFunction mainOfAcme;
    private RunningFunction failing;

    @BeforeAll
    void startFunctions(ControlPlane plane, TestNamespace namespace) {
        this.plane = plane;
        this.namespace = namespace;
        mainOfAcme = RunningFunction.start(plane, namespace.name(), "main-of-acme", new V1alpha1ReceiverSpec().type("github"),
                Map.of("hookrelay.receiver.filter", "event.ref == 'refs/heads/main' && "
                        + "body.repository.full_name.startsWith('acme/') && headers['x-github-event'] == 'push'"));
        failing = RunningFunction.start(plane, namespace.name(), "failing-filter", new V1alpha1ReceiverSpec().type("github"),
                Map.of("hookrelay.receiver.filter", "body.head_commit.message.contains('[deploy]')"));
    }

    @AfterAll
    void stopFunctions() {
        mainOfAcme.close();
        failing.close();
    }

    @Test
    void matchingDeliveryIsRecorded() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "1111111111111111111111111111111111111111");

        HttpResponse<String> response = mainOfAcme.post(GitHubDeliveries.headers("push", "filter-match", body, mainOfAcme.token), body);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"recorded\""), response.body());
    }

    @Test
    void deliveryThatDoesNotMatchIsIgnoredAndNeverCounted() {
        byte[] body = GitHubDeliveries.push("other/podinfo", "2222222222222222222222222222222222222222");
        long before = mainOfAcme.eventCount();

        HttpResponse<String> response = mainOfAcme.post(GitHubDeliveries.headers("push", "filter-miss", body, mainOfAcme.token), body);

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"status\":\"ignored\""), response.body());
        assertTrue(response.body().contains("spec.filter does not match"), response.body());
        assertEquals(before, mainOfAcme.eventCount());
        assertTrue(mainOfAcme.receiver().getStatus() == null || mainOfAcme.receiver().getStatus().getRecentEvents().stream()
                .noneMatch(e -> "filter-miss".equals(e.getId())));
    }

    @Test
    void filterThatFailsIsNoMatchAndVisibleInMetrics() {
        byte[] body = GitHubDeliveries.push("acme/podinfo", "3333333333333333333333333333333333333333");
        long before = failing.eventCount();

        HttpResponse<String> response = failing.post(GitHubDeliveries.headers("push", "filter-error", body, failing.token), body);
        String metrics = RunningFunction.send(HttpRequest.newBuilder(failing.metricsUri("/metrics")).GET().build()).body();

        assertEquals(202, response.statusCode(), response.body());
        assertTrue(response.body().contains("spec.filter failed"), response.body());
        assertEquals(before, failing.eventCount());
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("hookrelay_filter_evaluations_total{result=\"error\"")
                && !l.endsWith(" 0.0")), metrics);
    }

    @Test
    void filterThatDoesNotCompileStopsTheFunctionAtStartUp() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> RunningFunction.start(plane, namespace.name(),
                "bad-filter", new V1alpha1ReceiverSpec().type("github"), Map.of("hookrelay.receiver.filter", "event.ref ==")));

        Throwable cause = failure;
        while (cause.getCause() != null && !cause.getMessage().contains("does not compile")) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains("HOOKRELAY_RECEIVER_FILTER does not compile"), failure.toString());
    }
}
