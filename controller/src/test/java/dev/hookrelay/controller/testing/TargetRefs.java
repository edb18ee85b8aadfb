package dev.hookrelay.controller.testing;

import dev.hookrelay.api.V1alpha1TargetRef;
import java.util.Map;

/** Entries of spec.resources, as a Receiver or a Relay names its targets. */
public final class TargetRefs {
    private TargetRefs() {
    }

    public static V1alpha1TargetRef of(PokeTargets.Kind kind, String name) {
        return new V1alpha1TargetRef().apiVersion(kind.apiVersion()).kind(kind.kind()).name(name);
    }

    public static V1alpha1TargetRef labelled(PokeTargets.Kind kind, Map<String, String> matchLabels) {
        return of(kind, V1alpha1TargetRef.ANY_NAME).matchLabels(matchLabels);
    }

    public static V1alpha1TargetRef inNamespace(PokeTargets.Kind kind, String namespace, String name) {
        return of(kind, name).namespace(namespace);
    }
}
