package dev.hookrelay.controller.receiver;

import dev.hookrelay.controller.kube.Problem;
import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.V1alpha1Receiver;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleBindingList;
import io.kubernetes.client.openapi.models.V1RoleList;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import jakarta.inject.Singleton;

/** The function's ServiceAccount, Role and RoleBinding, exactly as {@link FunctionAccess} defines them. */
@Singleton
class FunctionAccessObjects {
    private static final String RBAC = "rbac.authorization.k8s.io";

    private final OwnedObjects<V1ServiceAccount, V1ServiceAccountList> serviceAccounts;
    private final OwnedObjects<V1Role, V1RoleList> roles;
    private final OwnedObjects<V1RoleBinding, V1RoleBindingList> roleBindings;

    FunctionAccessObjects(ReceiverCaches caches, ApiClient client) {
        this.serviceAccounts = new OwnedObjects<>("ServiceAccount", V1ServiceAccount.class, V1ServiceAccountList.class,
                "", "v1", "serviceaccounts", caches::serviceAccounts, client);
        this.roles = new OwnedObjects<>("Role", V1Role.class, V1RoleList.class,
                RBAC, "v1", "roles", caches::roles, client);
        this.roleBindings = new OwnedObjects<>("RoleBinding", V1RoleBinding.class, V1RoleBindingList.class,
                RBAC, "v1", "rolebindings", caches::roleBindings, client);
    }

    void ensure(V1alpha1Receiver receiver) throws ApiException {
        ensure(receiver, serviceAccounts, FunctionAccess::serviceAccount);
        ensure(receiver, roles, FunctionAccess::role);
        ensure(receiver, roleBindings, FunctionAccess::roleBinding);
    }

    private static <T extends KubernetesObject, L extends KubernetesListObject> void ensure(
            V1alpha1Receiver receiver, OwnedObjects<T, L> objects, Definition<T> definition) throws ApiException {
        String name = FunctionAccess.name(receiver.getMetadata().getName());
        T desired = Owners.owned(receiver, definition.of(receiver.getMetadata().getName(), receiver.getMetadata().getNamespace()));
        if (objects.ensure(receiver, name, actual -> desired).isEmpty()) {
            throw Problem.retried(objects.kind() + "Conflict", objects.kind() + " " + name
                    + " belongs to another owner; delete it so that Hookrelay can create the function's own");
        }
    }

    @FunctionalInterface
    private interface Definition<T> {
        T of(String receiverName, String namespace);
    }
}
