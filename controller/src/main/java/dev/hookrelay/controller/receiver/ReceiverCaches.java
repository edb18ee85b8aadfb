package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleBindingList;
import io.kubernetes.client.openapi.models.V1RoleList;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1SecretList;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import io.micronaut.context.annotation.Context;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The informer caches of Receivers and of what they own, started with the application on
 * every replica, so a standby that takes over has them warm. Of Secrets only those Hookrelay
 * labels as its own are cached: every other Secret in the cluster stays out of the controller's
 * memory; one that spec.secretRef names is read by name when its Receiver is reconciled.
 */
@Context
class ReceiverCaches {
    private static final String RBAC = "rbac.authorization.k8s.io";

    private final KubeCache<V1alpha1Receiver> receivers;
    private final KubeCache<V1Secret> secrets;
    private final KubeCache<V1ServiceAccount> serviceAccounts;
    private final KubeCache<V1Role> roles;
    private final KubeCache<V1RoleBinding> roleBindings;

    private volatile WorkQueue<Request> queue;

    ReceiverCaches(Informers informers) {
        receivers = informers.hookrelay(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.RECEIVERS);
        secrets = informers.start(V1Secret.class, V1SecretList.class, "", "secrets", Owners.MANAGED_SELECTOR,
                Duration.ZERO, false);
        serviceAccounts = informers.start(V1ServiceAccount.class, V1ServiceAccountList.class, "", "serviceaccounts",
                Owners.MANAGED_SELECTOR, Duration.ZERO, false);
        roles = informers.start(V1Role.class, V1RoleList.class, RBAC, "roles", Owners.MANAGED_SELECTOR, Duration.ZERO, false);
        roleBindings = informers.start(V1RoleBinding.class, V1RoleBindingList.class, RBAC, "rolebindings",
                Owners.MANAGED_SELECTOR, Duration.ZERO, false);
    }

    /** Queues a Receiver when it changed in a way that calls for a reconcile, or when an object it owns changed. */
    void feed(WorkQueue<Request> queue) {
        this.queue = queue;
        receivers.watch(queue, watch -> watch.withOnUpdateFilter(ReceiverCaches::callsForReconcile)
                // the garbage collector removes what it owned
                .withOnDeleteFilter((receiver, finalStateUnknown) -> false));
        List.of(secrets, serviceAccounts, roles, roleBindings).forEach(this::watchOwned);
    }

    /** Changes of an owned object, turned into a reconcile of the Receiver that controls it. */
    <T extends KubernetesObject> void watchOwned(KubeCache<T> owned) {
        owned.watch(queue, watch -> watch.withWorkQueueKeyFunc(object -> Owners.controllingReceiver(object)
                .map(name -> new Request(object.getMetadata().getNamespace(), name)).orElse(null)));
    }

    KubeCache<V1alpha1Receiver> receivers() {
        return receivers;
    }

    KubeCache<V1Secret> secrets() {
        return secrets;
    }

    KubeCache<V1ServiceAccount> serviceAccounts() {
        return serviceAccounts;
    }

    KubeCache<V1Role> roles() {
        return roles;
    }

    KubeCache<V1RoleBinding> roleBindings() {
        return roleBindings;
    }

    boolean hasSynced() {
        return receivers.hasSynced() && secrets.hasSynced() && serviceAccounts.hasSynced()
                && roles.hasSynced() && roleBindings.hasSynced();
    }

    /**
     * Reconciles a Receiver when it is new, when its spec changed, when someone changed the
     * status fields the controller owns, when a token rotation is asked for or the provider
     * confirmed a rotated token, and at every resync; not for the event counts receiver-fn
     * writes into its status.
     */
    private static boolean callsForReconcile(V1alpha1Receiver before, V1alpha1Receiver after) {
        boolean resync = Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
        return resync
                || !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                || !ProvisioningStatus.shown(before).equals(ProvisioningStatus.shown(after))
                || !Objects.equals(TokenRotation.request(before), TokenRotation.request(after))
                || !Objects.equals(secretSetAt(before), secretSetAt(after));
    }

    private static Object secretSetAt(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null || receiver.getStatus().getRegistration() == null ? null
                : receiver.getStatus().getRegistration().getSecretSetAt();
    }
}
