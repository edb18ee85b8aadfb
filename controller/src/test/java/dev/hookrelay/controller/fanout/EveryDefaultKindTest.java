package dev.hookrelay.controller.fanout;

import static dev.hookrelay.controller.fanout.RecordedEvents.EVENT_TIME;
import static dev.hookrelay.controller.fanout.RecordedEvents.awaitHandled;
import static dev.hookrelay.controller.fanout.RecordedEvents.receiverWith;
import static dev.hookrelay.controller.fanout.RecordedEvents.recordEvent;
import static dev.hookrelay.controller.testing.PokeTargets.APPLICATION;
import static dev.hookrelay.controller.testing.PokeTargets.APP_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.ARGO_CD_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.HELM_RELEASE;
import static dev.hookrelay.controller.testing.PokeTargets.IMAGE_REPOSITORY;
import static dev.hookrelay.controller.testing.PokeTargets.KUSTOMIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.api.V1alpha1TargetRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind the controller pokes by default, with exactly the shipped RBAC: of each, one object
 * named with a filter (its metadata read for the filter) and one found by labels (listed), and
 * both poked the way their tool expects.
 */
@ExtendWith(ControlPlaneExtension.class)
class EveryDefaultKindTest {
    private static final List<PokeTargets.Kind> ANNOTATED = List.of(GIT_REPOSITORY, KUSTOMIZATION, HELM_RELEASE,
            IMAGE_REPOSITORY, APPLICATION);

    @Test
    void namedAndListedTargetsOfEveryDefaultKindArePoked(ControlPlane plane, TestNamespace namespace) {
        PokeTargets targets = PokeTargets.installedOn(plane);
        Cluster cluster = new Cluster(plane, namespace.name());
        String ns = namespace.name();
        List<V1alpha1TargetRef> resources = new ArrayList<>();
        for (PokeTargets.Kind kind : kinds()) {
            targets.create(kind, ns, "named");
            targets.create(kind, ns, "listed", Map.of("tier", "listed"));
            resources.add(TargetRefs.of(kind, "named").filter("event.type == 'push'"));
            resources.add(TargetRefs.labelled(kind, Map.of("tier", "listed")));
        }
        try (ControllerInstance controller = ControllerInstance.start(plane, ns)) {
            receiverWith(cluster, "everything", resources.toArray(V1alpha1TargetRef[]::new));

            recordEvent(cluster, "everything", 1);

            awaitHandled(cluster, "everything", 1);
            for (String name : List.of("named", "listed")) {
                for (PokeTargets.Kind kind : ANNOTATED) {
                    String expected = kind == APPLICATION ? "normal" : EVENT_TIME;
                    String annotation = kind == APPLICATION ? ARGO_CD_ANNOTATION : FLUX_ANNOTATION;
                    assertEquals(expected, targets.annotation(kind, ns, name, annotation), kind.kind() + " " + name);
                }
                assertEquals(1, targets.resyncRequests(ns, name), "AppRepository " + name);
            }
        }
    }

    private static List<PokeTargets.Kind> kinds() {
        List<PokeTargets.Kind> kinds = new ArrayList<>(ANNOTATED);
        kinds.add(APP_REPOSITORY);
        return kinds;
    }
}
