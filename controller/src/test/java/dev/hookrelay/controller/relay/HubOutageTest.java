package dev.hookrelay.controller.relay;

import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TcpProxy;
import dev.hookrelay.testing.TestNamespace;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hub goes down and comes back: the Relay says the hub is unreachable meanwhile, and once
 * it reaches the hub again pokes its targets once for all the events it missed. The edge
 * reaches the hub through a tunnel that the test keeps cut while those events are recorded.
 */
class HubOutageTest {

    @Test
    void relayReportsTheOutageThenCatchesUpWithOnePoke() throws Exception {
        ControlPlane edge = ControlPlane.shared();
        PokeTargets targets = PokeTargets.installedOn(edge);
        String edgeNamespace = TestNamespace.create(edge, "outage-edge").name();
        try (ControlPlane hub = ControlPlane.start();
             TcpProxy network = TcpProxy.toServer(hub.url())) {
            hub.crds().installHookrelay();
            String hubNamespace = TestNamespace.create(hub, "outage-hub").name();
            HubAndEdge planes = new HubAndEdge(hub, edge, edgeNamespace);
            targets.create(GIT_REPOSITORY, edgeNamespace, "podinfo");
            targets.create(APP_REPOSITORY, edgeNamespace, "charts");
            planes.createSecret("hub", planes.followerKubeconfig(hubNamespace, "edge", true)
                    .replace(hub.url(), "https://127.0.0.1:" + network.port()));
            planes.createRelay("podinfo", "hub", hubNamespace, "podinfo-github",
                    TargetRefs.of(GIT_REPOSITORY, "podinfo"), TargetRefs.of(APP_REPOSITORY, "charts"));
            try (RunningFunction function = RunningFunction.startProcess(hub, hubNamespace, "podinfo-github",
                    new V1alpha1ReceiverSpec().type("github").events(List.of("push")));
                 ControllerInstance controller = ControllerInstance.start(edge, edgeNamespace, Map.of(
                         "hookrelay.controller.leader-election.enabled", false,
                         "hookrelay.relay.reconnect-max-delay", "1s",
                         // a stopping kube-apiserver exits only once its open watches end
                         "hookrelay.relay.watch-timeout", "2s"))) {
                deliver(function, "before-outage");
                planes.awaitHandled("podinfo", 1);
                assertEquals(1, targets.resyncRequests(edgeNamespace, "charts"));

                hub.stopApiServer();
                planes.awaitCondition("podinfo", "HubReachable", "False", "Unreachable");
                assertEquals("Unreachable", planes.condition("podinfo", "Ready").getReason());

                network.cut();
                hub.startApiServer();
                deliver(function, "missed-1");
                deliver(function, "missed-2");
                deliver(function, "missed-3");
                assertEquals(1, planes.relay("podinfo").getStatus().getHandledEventCount(), "still cut off");

                network.restore();

                V1alpha1Relay caughtUp = planes.awaitHandled("podinfo", 4);
                assertEquals(2, targets.resyncRequests(edgeNamespace, "charts"), "one poke for the three missed events");
                assertEquals(4, caughtUp.getStatus().getHubEventCount());
                assertEquals("missed-3", caughtUp.getStatus().getLastEvent().getId());
                assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(caughtUp.getStatus().getLastEvent().getReceivedAt()),
                        targets.annotation(GIT_REPOSITORY, edgeNamespace, "podinfo", FLUX_ANNOTATION));
                planes.awaitCondition("podinfo", "HubReachable", "True", "Connected");
                planes.awaitCondition("podinfo", "Ready", "True", "Succeeded");
            }
        }
    }

    private static void deliver(RunningFunction function, String deliveryId) {
        byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", deliveryId);
        HttpResponse<String> answer = function.post(GitHubDeliveries.headers("push", deliveryId, push, function.token), push);
        assertEquals(200, answer.statusCode(), answer.body());
    }
}
