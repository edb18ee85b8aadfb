package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.informer.ResourceEventHandler;
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

    ReceiverCaches(Informers informers, ReceiverQueue queue, ControllerSettings settings) {
        receivers = informers.start(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP,
                HookrelayApi.RECEIVERS, null, settings.getResyncPeriod(), false);
        secrets = informers.start(V1Secret.class, V1SecretList.class, "", "secrets", Owners.MANAGED_SELECTOR,
                Duration.ZERO, false);
        serviceAccounts = informers.start(V1ServiceAccount.class, V1ServiceAccountList.class, "", "serviceaccounts",
                Owners.MANAGED_SELECTOR, Duration.ZERO, false);
        roles = informers.start(V1Role.class, V1RoleList.class, RBAC, "roles", Owners.MANAGED_SELECTOR, Duration.ZERO, false);
        roleBindings = informers.start(V1RoleBinding.class, V1RoleBindingList.class, RBAC, "rolebindings",
                Owners.MANAGED_SELECTOR, Duration.ZERO, false);

        receivers.addEventHandler(new ReceiverChanges(queue));
        secrets.addEventHandler(queue.ownerEvents());
        serviceAccounts.addEventHandler(queue.ownerEvents());
        roles.addEventHandler(queue.ownerEvents());
        roleBindings.addEventHandler(queue.ownerEvents());
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
    private record ReceiverChanges(ReceiverQueue queue) implements ResourceEventHandler<V1alpha1Receiver> {
        @Override
        public void onAdd(V1alpha1Receiver receiver) {
            queue.add(receiver.getMetadata().getNamespace(), receiver.getMetadata().getName());
        }

        @Override
        public void onUpdate(V1alpha1Receiver before, V1alpha1Receiver after) {
            boolean resync = Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
            if (resync
                    || !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                    || !ProvisioningStatus.shown(before).equals(ProvisioningStatus.shown(after))
                    || !Objects.equals(TokenRotation.request(before), TokenRotation.request(after))
                    || !Objects.equals(secretSetAt(before), secretSetAt(after))) {
                onAdd(after);
            }
        }

        @Override
        public void onDelete(V1alpha1Receiver receiver, boolean finalStateUnknown) {
            // the API server's garbage collector removes what the Receiver owned
        }

        private static Object secretSetAt(V1alpha1Receiver receiver) {
            return receiver.getStatus() == null || receiver.getStatus().getRegistration() == null ? null
                    : receiver.getStatus().getRegistration().getSecretSetAt();
        }
    }
}
