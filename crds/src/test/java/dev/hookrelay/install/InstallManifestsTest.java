package dev.hookrelay.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneAssets;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Kubectl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** knative/ is valid against the real API server, and ships the CRDs the API defines, unchanged. */
@ExtendWith(ControlPlaneExtension.class)
class InstallManifestsTest {
    private static final Path KNATIVE = ControlPlaneAssets.projectRoot().resolve("knative");

    @Test
    void installedCrdsAreIdenticalToTheSourceOfTruth() throws IOException {
        for (String resource : HookrelayApi.CRD_RESOURCES) {
            Path copy = KNATIVE.resolve("base/crds").resolve(Path.of(resource).getFileName());
            try (InputStream source = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertArrayEquals(source.readAllBytes(), Files.readAllBytes(copy),
                        copy + " differs from " + resource + "; copy the CRD again");
            }
        }
    }

    @Test
    void baseIsAcceptedByServerSideDryRun(ControlPlane plane) {
        Kubectl kubectl = new Kubectl(plane);
        ensureNamespace(kubectl, "hookrelay-system");

        String applied = kubectl.run("apply", "--server-side", "--dry-run=server", "-k", KNATIVE.toString());

        for (String object : List.of("customresourcedefinition.apiextensions.k8s.io/receivers.hookrelay.dev",
                "customresourcedefinition.apiextensions.k8s.io/relays.hookrelay.dev",
                "customresourcedefinition.apiextensions.k8s.io/providers.hookrelay.dev",
                "customresourcedefinition.apiextensions.k8s.io/alerts.hookrelay.dev", "service/hookrelay-events",
                "serviceaccount/hookrelay-controller", "clusterrole.rbac.authorization.k8s.io/hookrelay-controller",
                "clusterrole.rbac.authorization.k8s.io/hookrelay-hub-follower",
                "deployment.apps/hookrelay-controller")) {
            assertTrue(applied.contains(object + " serverside-applied (server dry run)"), object + " in:\n" + applied);
        }
    }

    @Test
    void examplesAreAcceptedByServerSideDryRun(ControlPlane plane) {
        plane.crds().install(plane.assets().crds("flux"));
        plane.crds().install(List.of(ControlPlaneAssets.projectRoot()
                .resolve("crds/src/test/resources/thirdparty/kubeapps-apprepository-crd.yaml")));
        Kubectl kubectl = new Kubectl(plane);
        ensureNamespace(kubectl, "flux-system");

        String applied = kubectl.run("apply", "--server-side", "--dry-run=server", "-k", KNATIVE.resolve("examples").toString());

        for (String object : List.of("gitrepository.source.toolkit.fluxcd.io/podinfo",
                "receiver.hookrelay.dev/podinfo-github", "apprepository.kubeapps.com/harbor-charts",
                "receiver.hookrelay.dev/charts-harbor", "relay.hookrelay.dev/podinfo-from-hub")) {
            assertTrue(applied.contains(object + " serverside-applied (server dry run)"), object + " in:\n" + applied);
        }
    }

    private static void ensureNamespace(Kubectl kubectl, String name) {
        if (kubectl.tryRun("get", "namespace", name).exitCode() != 0) {
            kubectl.run("create", "namespace", name);
        }
    }
}
