package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.fanout.RecordedEvents.EVENT_TIME;
import static dev.hookrelay.controller.fanout.RecordedEvents.awaitHandled;
import static dev.hookrelay.controller.fanout.RecordedEvents.receiverWith;
import static dev.hookrelay.controller.fanout.RecordedEvents.recordEvent;
import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GENERIC_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.ApiRequests;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller may patch Secrets and Knative Services to provision functions; a Receiver
 * must not borrow those rights. It pokes only the kinds in hookrelay.fanout.allowed-kinds,
 * and lists wildcard targets metadata-only.
 */
@ExtendWith(ControlPlaneExtension.class)
class AllowedKindsTest {

    @Test
    void secretAndKnativeServiceAreRefusedWithTheAllowedListAndTheGitRepositoryIsPoked(ControlPlane plane,
                                                                                       TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(GIT_REPOSITORY, ns, "podinfo");
        cluster.createSecret("database", Map.of("password", "s3cret"));
        try (ControllerInstance controller = ControllerInstance.start(plane, ns)) {
            receiverWith(cluster, "deputy",
                    new V1alpha1TargetRef().apiVersion("v1").kind("Secret").name("database"),
                    new V1alpha1TargetRef().apiVersion("serving.knative.dev/v1").kind("Service").name("hookrelay-deputy"),
                    TargetRefs.of(GIT_REPOSITORY, "podinfo"));
            cluster.awaitKnativeService("hookrelay-deputy");
            String secretVersion = cluster.secret("database").getMetadata().getResourceVersion();

            recordEvent(cluster, "deputy", 1);

            awaitHandled(cluster, "deputy", 1);
            assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "podinfo", FLUX_ANNOTATION));
            assertEquals(secretVersion, cluster.secret("database").getMetadata().getResourceVersion(), "Secret untouched");
            Map<String, String> serviceAnnotations = cluster.knativeService("hookrelay-deputy").getMetadata().getAnnotations();
            assertTrue(serviceAnnotations == null || !serviceAnnotations.containsKey(GENERIC_ANNOTATION));
            assertTrue(controller.writes().stream().noneMatch(w -> w.contains("/secrets/database")
                    || w.contains("/services/hookrelay-deputy")), controller.writes().toString());
            V1Condition poked = cluster.condition("deputy", "TargetsPoked");
            assertEquals("False", poked.getStatus());
            assertEquals("KindNotAllowed", poked.getReason());
            assertEquals("Secret of v1 (secrets) is not a kind Hookrelay pokes; it pokes only *.source.toolkit.fluxcd.io, "
                    + "*.kustomize.toolkit.fluxcd.io, *.helm.toolkit.fluxcd.io, *.image.toolkit.fluxcd.io, "
                    + "applications.argoproj.io, apprepositories.kubeapps.com. Name one of those, or ask the controller's "
                    + "administrator to add it to hookrelay.fanout.allowed-kinds (and 1 more problems)", poked.getMessage());
        }
    }

    @Test
    void wildcardTargetsAreListedAsMetadataOnly(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        targets.create(GIT_REPOSITORY, ns, "team-a-app", Map.of("team", "a"));
        targets.create(GIT_REPOSITORY, ns, "team-b-app", Map.of("team", "b"));
        try (ControllerInstance controller = ControllerInstance.start(plane, ns)) {
            receiverWith(cluster, "team-a", TargetRefs.labelled(GIT_REPOSITORY, Map.of("team", "a")));

            recordEvent(cluster, "team-a", 1);

            awaitHandled(cluster, "team-a", 1);
            assertEquals(EVENT_TIME, targets.annotation(GIT_REPOSITORY, ns, "team-a-app", FLUX_ANNOTATION));
            assertNull(targets.annotation(GIT_REPOSITORY, ns, "team-b-app", FLUX_ANNOTATION));
            List<ApiRequests.Sent> lists = controller.requests().stream()
                    .filter(r -> r.method().equals("GET") && r.path().endsWith("/namespaces/" + ns + "/gitrepositories"))
                    .toList();
            assertFalse(lists.isEmpty(), "the wildcard was listed");
            assertTrue(lists.stream().allMatch(r -> r.accept() != null
                    && r.accept().startsWith("application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io")),
                    lists.toString());
        }
    }
}
