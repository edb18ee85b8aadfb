package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.testing.PokeTargets.APPLICATION;
import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.CONFIG_MAP;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ShippedRbac;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.net.http.HttpResponse;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A delivery that the real receiver-fn records pokes every target the Receiver names, each the
 * way its tool expects. The function starts first: it creates its Receiver and access itself,
 * which the controller then takes over.
 */
@ExtendWith(ControlPlaneExtension.class)
class DeliveryFanoutTest {

    @Test
    void recordedDeliveryPokesFluxArgoCdKubeappsAndAnotherAllowedKind(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(GIT_REPOSITORY, ns, "podinfo");
        targets.create(APPLICATION, ns, "guestbook");
        targets.create(APP_REPOSITORY, ns, "bitnami");
        targets.create(CONFIG_MAP, ns, "settings");
        ShippedRbac.allowPoking(plane, "", "configmaps");
        V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec().type("github").events(List.of("push")).resources(List.of(
                TargetRefs.of(GIT_REPOSITORY, "podinfo"), TargetRefs.of(APPLICATION, "guestbook"), TargetRefs.of(APP_REPOSITORY, "bitnami"),
                TargetRefs.of(CONFIG_MAP, "settings")));

        try (RunningFunction function = RunningFunction.startProcess(plane, ns, "podinfo-github", spec);
             ControllerInstance controller = ControllerInstance.start(plane, ns, Map.of(
                     "hookrelay.controller.leader-election.enabled", false,
                     "hookrelay.fanout.allowed-kinds", "gitrepositories.source.toolkit.fluxcd.io,applications.argoproj.io,"
                             + "apprepositories.kubeapps.com,configmaps"))) {
            byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", "6b1c3a1e");
            HttpResponse<String> answer = function.post(GitHubDeliveries.headers("push", "delivery-1", push, function.token), push);
            assertEquals(200, answer.statusCode(), answer.body());

            V1alpha1Receiver handled = Eventually.await("handledEventCount 1", Cluster.TIMEOUT, () -> {
                V1alpha1Receiver receiver = cluster.receiver("podinfo-github");
                return receiver.getStatus().getHandledEventCount() == 1 ? receiver : null;
            });
            String eventTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(handled.getStatus().getLastEvent().getReceivedAt());
            assertEquals(eventTime, targets.annotation(GIT_REPOSITORY, ns, "podinfo", PokeTargets.FLUX_ANNOTATION));
            assertEquals("normal", targets.annotation(APPLICATION, ns, "guestbook", PokeTargets.ARGO_CD_ANNOTATION));
            assertEquals(1, targets.resyncRequests(ns, "bitnami"));
            assertEquals(eventTime, targets.annotation(CONFIG_MAP, ns, "settings", PokeTargets.GENERIC_ANNOTATION));
            V1Condition poked = cluster.condition("podinfo-github", "TargetsPoked");
            assertEquals("True", poked.getStatus());
            assertEquals("Succeeded", poked.getReason());
            assertTrue(cluster.eventsAbout("podinfo-github").stream().anyMatch(e -> "TargetsPoked".equals(e.getReason())
                    && e.getMessage().equals("Poked 4 objects for new push events")));
        }
    }
}
