package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who owns the objects the controller creates for a Receiver, and how they are labelled. */
final class Owners {
    /** Selects every object the controller created, for the informers of the owned kinds. */
    static final String MANAGED_SELECTOR = "app.kubernetes.io/managed-by=hookrelay";

    private Owners() {
    }

    /** Metadata of an owned object: the function's labels (as FunctionAccess defines them) and the owner. */
    static V1ObjectMeta metadata(V1alpha1Receiver receiver, String name) {
        return new V1ObjectMeta().name(name).namespace(receiver.getMetadata().getNamespace())
                .labels(labels(receiver))
                .ownerReferences(List.of(controllerReference(receiver)));
    }

    static <T extends KubernetesObject> T owned(V1alpha1Receiver receiver, T object) {
        object.getMetadata().ownerReferences(List.of(controllerReference(receiver)));
        return object;
    }

    static Map<String, String> labels(V1alpha1Receiver receiver) {
        return FunctionAccess.serviceAccount(receiver.getMetadata().getName(), receiver.getMetadata().getNamespace())
                .getMetadata().getLabels();
    }

    static V1OwnerReference controllerReference(V1alpha1Receiver receiver) {
        return new V1OwnerReference()
                .apiVersion(HookrelayApi.API_VERSION)
                .kind(V1alpha1Receiver.KIND)
                .name(receiver.getMetadata().getName())
                .uid(receiver.getMetadata().getUid())
                .controller(true)
                .blockOwnerDeletion(true);
    }

    /** The name of the Receiver that controls this object, if one does. */
    static Optional<String> controllingReceiver(KubernetesObject object) {
        return controller(object)
                .filter(ref -> V1alpha1Receiver.KIND.equals(ref.getKind())
                        && ref.getApiVersion() != null && ref.getApiVersion().startsWith(HookrelayApi.GROUP + "/"))
                .map(V1OwnerReference::getName);
    }

    static boolean isControlledBy(KubernetesObject object, V1alpha1Receiver receiver) {
        return controller(object).map(ref -> receiver.getMetadata().getUid().equals(ref.getUid())).orElse(false);
    }

    /**
     * Whether something other than this Receiver controls the object. An object left behind
     * by an earlier Receiver of the same name is not foreign: it is taken over.
     */
    static boolean isForeign(KubernetesObject object, V1alpha1Receiver receiver) {
        return controller(object).isPresent()
                && !controllingReceiver(object).map(receiver.getMetadata().getName()::equals).orElse(false);
    }

    private static Optional<V1OwnerReference> controller(KubernetesObject object) {
        List<V1OwnerReference> refs = object.getMetadata().getOwnerReferences();
        return refs == null ? Optional.empty()
                : refs.stream().filter(ref -> Boolean.TRUE.equals(ref.getController())).findFirst();
    }
}
