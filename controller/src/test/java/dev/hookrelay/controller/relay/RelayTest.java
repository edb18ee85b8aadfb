package dev.hookrelay.controller.relay;

import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.FreePort;
import dev.hookrelay.testing.TcpProxy;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two control planes: a hub, where receiver-fn records deliveries into a Receiver, and an
 * edge, never exposed, whose controller follows that Receiver through a Relay by dialing out
 * with nothing but the shipped hub Role.
 */
class RelayTest {
    private static ControlPlane hub;
    private static String hubNamespace;
    private static String edgeNamespace;
    private static RunningFunction function;
    private static ControllerInstance controller;
    private static HubAndEdge planes;
    private static PokeTargets edgeTargets;

    @BeforeAll
    static void startHubAndEdge() {
        hub = ControlPlane.start();
        hub.crds().installHookrelay();
        hubNamespace = TestNamespace.create(hub, "hub").name();
        function = RunningFunction.startProcess(hub, hubNamespace, "podinfo-github",
                new V1alpha1ReceiverSpec().type("github").events(List.of("push")));
        ControlPlane edge = ControlPlane.shared();
        edgeTargets = PokeTargets.installedOn(edge);
        edgeNamespace = TestNamespace.create(edge, "edge").name();
        planes = new HubAndEdge(hub, edge, edgeNamespace);
        controller = ControllerInstance.start(edge, edgeNamespace, Map.of(
                "hookrelay.controller.leader-election.enabled", false,
                "hookrelay.relay.reconnect-max-delay", "1s"));
    }

    @AfterAll
    static void stop() {
        controller.close();
        function.close();
        hub.close();
    }

    @Test
    void webhookPostedToTheHubPokesTheEdgeGitRepositoryThroughTheHubRoleAlone() {
        edgeTargets.create(GIT_REPOSITORY, edgeNamespace, "podinfo");
        planes.createSecret("hub-kubeconfig", planes.followerKubeconfig(hubNamespace, "edge-follower", true));
        planes.createRelay("podinfo-from-hub", "hub-kubeconfig", hubNamespace, "podinfo-github",
                TargetRefs.of(GIT_REPOSITORY, "podinfo"));
        planes.awaitCondition("podinfo-from-hub", "HubReachable", "True", "Connected");

        byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", "1f2e3d4c");
        HttpResponse<String> answer = function.post(GitHubDeliveries.headers("push", "hub-delivery-1", push,
                function.token), push);
        assertEquals(200, answer.statusCode(), answer.body());

        V1alpha1Relay relay = planes.awaitHandled("podinfo-from-hub", function.eventCount());
        String eventTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                function.receiver().getStatus().getLastEvent().getReceivedAt());
        assertEquals(eventTime, edgeTargets.annotation(GIT_REPOSITORY, edgeNamespace, "podinfo", FLUX_ANNOTATION));
        assertEquals("hub-delivery-1", relay.getStatus().getLastEvent().getId());
        assertEquals("1f2e3d4c", relay.getStatus().getLastEvent().getRevision());
        assertEquals(function.eventCount(), relay.getStatus().getHubEventCount());
        V1Condition ready = planes.awaitCondition("podinfo-from-hub", "Ready", "True", "Succeeded")
                .getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst().orElseThrow();
        assertEquals("Following Receiver podinfo-github in namespace " + hubNamespace + " of the hub; spec.resources is"
                + " poked on each new event", ready.getMessage());
        assertEquals(relay.getMetadata().getGeneration(), ready.getObservedGeneration());
        assertTrue(planes.eventsAbout("podinfo-from-hub").stream().anyMatch(e -> "TargetsPoked".equals(e.getReason())));
    }

    @Test
    void followerWithoutTheHubRoleIsReportedUnauthorized() {
        planes.createSecret("no-role-kubeconfig", planes.followerKubeconfig(hubNamespace, "no-role", false));

        planes.createRelay("without-role", "no-role-kubeconfig", hubNamespace, "podinfo-github");

        planes.awaitCondition("without-role", "HubReachable", "False", "Unauthorized");
        V1Condition reachable = planes.condition("without-role", "HubReachable");
        assertEquals("The hub identity in Secret no-role-kubeconfig may not list Receivers in namespace " + hubNamespace
                + " (403); bind ClusterRole hookrelay-hub-follower to it there with a RoleBinding", reachable.getMessage());
        assertEquals("Unauthorized", planes.condition("without-role", "Ready").getReason());
        assertTrue(planes.eventsAbout("without-role").stream()
                .anyMatch(e -> "Unauthorized".equals(e.getReason()) && "Warning".equals(e.getType())));
    }

    @Test
    void hubReceiverThatDoesNotExistIsReportedNotFound() {
        planes.createSecret("not-found-kubeconfig", planes.followerKubeconfig(hubNamespace, "not-found", true));

        planes.createRelay("following-nothing", "not-found-kubeconfig", hubNamespace, "no-such-receiver");

        planes.awaitCondition("following-nothing", "Ready", "False", "NotFound");
        assertEquals("True", planes.condition("following-nothing", "HubReachable").getStatus());
    }

    @Test
    void missingSecretIsReportedAndFollowedOnceItExists() {
        planes.createRelay("secret-later", "created-later", hubNamespace, "podinfo-github");

        planes.awaitCondition("secret-later", "HubReachable", "False", "SecretNotFound");
        planes.createSecret("created-later", planes.followerKubeconfig(hubNamespace, "created-later", true));

        planes.awaitCondition("secret-later", "HubReachable", "True", "Connected");
    }

    @Test
    void kubeconfigThatRunsAProgramIsRefused() {
        String kubeconfig = planes.followerKubeconfig(hubNamespace, "with-exec", true)
                .replaceFirst("token: .*", "exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/cat}");
        planes.createSecret("exec-kubeconfig", kubeconfig);

        planes.createRelay("exec", "exec-kubeconfig", hubNamespace, "podinfo-github");

        planes.awaitCondition("exec", "HubReachable", "False", "KubeconfigInvalid");
        assertTrue(planes.condition("exec", "HubReachable").getMessage()
                .startsWith("The kubeconfig in Secret exec-kubeconfig cannot be used: it refers to files or programs"));
    }

    @Test
    void watchStopsWhenTheRelayIsDeletedAndMovesWhenItsHubChanges() {
        planes.createSecret("moving-kubeconfig", planes.followerKubeconfig(hubNamespace, "moving", true));
        planes.createRelay("moving", "moving-kubeconfig", hubNamespace, "podinfo-github");
        planes.awaitCondition("moving", "Ready", "True", "Succeeded");

        planes.patchRelay("moving", """
                {"spec": {"hub": {"receiver": "elsewhere"}}}""");
        planes.awaitCondition("moving", "Ready", "False", "NotFound");

        planes.deleteRelay("moving");
        Eventually.await("no watch left for Relay moving", Cluster.TIMEOUT, () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.getName().equals("hub-watch-" + edgeNamespace + "-elsewhere")));
    }

    @Test
    void kubeconfigThatSkipsTlsVerificationIsRefused() {
        String kubeconfig = planes.followerKubeconfig(hubNamespace, "skip-verify", true)
                .replaceFirst("certificate-authority-data: .*", "insecure-skip-tls-verify: true");
        planes.createSecret("skip-verify-kubeconfig", kubeconfig);

        planes.createRelay("skip-verify", "skip-verify-kubeconfig", hubNamespace, "podinfo-github");

        planes.awaitCondition("skip-verify", "HubReachable", "False", "InsecureConnectionRefused");
        assertEquals("The kubeconfig in Secret skip-verify-kubeconfig is refused: it sets insecure-skip-tls-verify, so "
                + "anyone in the network path could pose as the hub and take the credential; give the hub's CA in "
                + "certificate-authority-data instead (or ask the controller's administrator to set "
                + "hookrelay.relay.allow-insecure-skip-tls-verify)", planes.condition("skip-verify", "HubReachable").getMessage());
    }

    @Test
    void plainHttpHubIsRefused() {
        String kubeconfig = planes.followerKubeconfig(hubNamespace, "plain-http", true).replace("https://", "http://");
        planes.createSecret("plain-http-kubeconfig", kubeconfig);

        planes.createRelay("plain-http", "plain-http-kubeconfig", hubNamespace, "podinfo-github");

        planes.awaitCondition("plain-http", "HubReachable", "False", "InsecureConnectionRefused");
        assertTrue(planes.condition("plain-http", "HubReachable").getMessage().startsWith(
                "The kubeconfig in Secret plain-http-kubeconfig is refused: its server is plain http"));
    }

    /** A Relay must not work as a port scanner: a closed port and a listening non-hub read the same. */
    @Test
    void unreachableHubSaysSoWithoutAddressOrWhatAnswered() throws Exception {
        String template = planes.followerKubeconfig(hubNamespace, "nowhere", true);
        int closedPort = FreePort.pick();
        try (ServerSocket notAHub = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread answerer = new Thread(() -> answerWithGarbage(notAHub), "not-a-hub");
            answerer.setDaemon(true);
            answerer.start();
            planes.createSecret("closed-port", template.replace(hub.url(), "https://127.0.0.1:" + closedPort));
            planes.createSecret("not-a-hub", template.replace(hub.url(), "https://127.0.0.1:" + notAHub.getLocalPort()));

            planes.createRelay("closed-port", "closed-port", hubNamespace, "podinfo-github");
            planes.createRelay("not-a-hub", "not-a-hub", hubNamespace, "podinfo-github");

            planes.awaitCondition("closed-port", "HubReachable", "False", "Unreachable");
            planes.awaitCondition("not-a-hub", "HubReachable", "False", "Unreachable");
            String closed = planes.condition("closed-port", "HubReachable").getMessage();
            String listening = planes.condition("not-a-hub", "HubReachable").getMessage().replace("not-a-hub", "closed-port");
            assertEquals(closed, listening);
            for (String leak : List.of("127.0.0.1", Integer.toString(closedPort), Integer.toString(notAHub.getLocalPort()),
                    "refused", "SSL", "HTTP/1.1")) {
                assertFalse(closed.contains(leak), closed);
            }
        }
    }

    @Test
    void hubConnectionIsClosedWhenTheRelayMovesAndWhenItGoes() throws Exception {
        try (TcpProxy network = TcpProxy.toServer(hub.url())) {
            planes.createSecret("counted-kubeconfig", planes.followerKubeconfig(hubNamespace, "counted", true)
                    .replace(hub.url(), "https://127.0.0.1:" + network.port()));
            planes.createRelay("counted", "counted-kubeconfig", hubNamespace, "podinfo-github");
            planes.awaitCondition("counted", "HubReachable", "True", "Connected");
            Eventually.await("one connection to the hub", Cluster.TIMEOUT, () -> network.connections() == 1);

            planes.patchRelay("counted", """
                    {"spec": {"hub": {"receiver": "elsewhere"}}}""");
            planes.awaitCondition("counted", "Ready", "False", "NotFound");
            Eventually.await("the first watch's connection closed, the second's open", Cluster.TIMEOUT,
                    () -> network.connections() == 1);

            planes.deleteRelay("counted");
            Eventually.await("no connection left to the hub", Cluster.TIMEOUT, () -> network.connections() == 0);
        }
    }

    @Test
    void targetThatFailedIsRetriedAloneThroughTheRelay() {
        edgeTargets.create(APP_REPOSITORY, edgeNamespace, "relay-charts");
        planes.createSecret("retrying-kubeconfig", planes.followerKubeconfig(hubNamespace, "retrying", true));
        byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", "5a6b7c8d");
        assertEquals(200, function.post(GitHubDeliveries.headers("push", "hub-delivery-retry", push, function.token), push)
                .statusCode());

        planes.createRelay("retrying", "retrying-kubeconfig", hubNamespace, "podinfo-github",
                TargetRefs.of(APP_REPOSITORY, "relay-charts"), TargetRefs.of(GIT_REPOSITORY, "relay-late"));

        Eventually.await("a retry of the missing GitRepository", Cluster.TIMEOUT, () -> controller.writes()
                .stream().filter(w -> w.endsWith("/gitrepositories/relay-late")).count() >= 2);
        assertEquals(1, edgeTargets.resyncRequests(edgeNamespace, "relay-charts"));
        assertEquals("relay-late", planes.relay("retrying").getStatus().getPendingTargets().getTargets().get(0).getName());

        edgeTargets.create(GIT_REPOSITORY, edgeNamespace, "relay-late");

        V1alpha1Relay relay = planes.awaitHandled("retrying", function.eventCount());
        assertEquals(1, edgeTargets.resyncRequests(edgeNamespace, "relay-charts"));
        assertEquals(null, relay.getStatus().getPendingTargets());
    }

    private static void answerWithGarbage(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.getOutputStream().write("HTTP/1.1 418 I'm a teapot\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }
}
