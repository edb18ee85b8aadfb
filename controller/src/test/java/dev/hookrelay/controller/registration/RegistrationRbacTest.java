package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.FAST;
import static dev.hookrelay.controller.registration.Registrations.awaitGone;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.Kubectl;
import dev.hookrelay.testing.TestNamespace;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registration with exactly the shipped RBAC and the controller's own ServiceAccount token: the
 * credentials Secret read, the finalizer added and removed, the status applied.
 */
class RegistrationRbacTest {

    @Test
    void theShippedRbacLetsTheControllerRegisterAndDeleteAWebhook() {
        ControlPlane plane = ControlPlane.shared();
        TestNamespace namespace = TestNamespace.create(plane, "registration-rbac");
        Path base = ControlPlaneAssets.projectRoot().resolve("knative/base");
        new Kubectl(plane).run("apply", "--server-side", "-f", base.resolve("namespace.yaml").toString());
        new Kubectl(plane).run("apply", "--server-side", "-n", "hookrelay-system",
                "-f", base.resolve("controller-rbac.yaml").toString());
        Map<String, Object> settings = new HashMap<>(FAST);
        settings.put("kubernetes.client.kube-config-path",
                plane.kubeconfigForServiceAccount("hookrelay-system", "hookrelay-controller").toString());
        Cluster cluster = new Cluster(plane, namespace.name());

        try (GitHubStandIn github = new GitHubStandIn();
             ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), settings)) {
            github.collection("repos/acme/podinfo");
            github.token("ghp_rbac", "admin:repo_hook");
            cluster.createSecret("gh", Map.of("token", "ghp_rbac"));
            cluster.createReceiver("rbac", new V1alpha1ReceiverSpec().type("github").events(List.of("push"))
                    .registration(Registrations.at(github.baseUrl(), "gh").repository("acme/podinfo")));
            cluster.markKnativeServiceReady("hookrelay-rbac");

            awaitRegistered(cluster, "rbac");
            assertEquals(1, github.collection("repos/acme/podinfo").size());
            assertEquals(List.of("hookrelay.dev/registration"), cluster.receiver("rbac").getMetadata().getFinalizers());

            cluster.deleteReceiver("rbac");
            awaitGone(cluster, "rbac");
            assertEquals(0, github.collection("repos/acme/podinfo").size());
        }
    }
}
