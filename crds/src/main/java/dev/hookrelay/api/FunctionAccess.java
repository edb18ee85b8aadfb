package dev.hookrelay.api;

import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.util.List;

/**
 * The least privilege a Receiver's function runs with, defined once: read and patch the
 * status of its own Receiver, and create Events. Nothing else, not even its Secret (mounted).
 */
public final class FunctionAccess {
    private static final String PREFIX = "hookrelay-fn-";

    private FunctionAccess() {
    }

    /** Name of the function's ServiceAccount, Role and RoleBinding for this Receiver. */
    public static String name(String receiverName) {
        return ObjectNames.derived(PREFIX, receiverName, ObjectNames.DNS_LABEL_MAX);
    }

    public static V1ServiceAccount serviceAccount(String receiverName, String namespace) {
        return new V1ServiceAccount().apiVersion("v1").kind("ServiceAccount")
                .metadata(metadata(receiverName, namespace))
                .automountServiceAccountToken(true);
    }

    public static V1Role role(String receiverName, String namespace) {
        return new V1Role().apiVersion("rbac.authorization.k8s.io/v1").kind("Role")
                .metadata(metadata(receiverName, namespace))
                .rules(List.of(
                        new V1PolicyRule().apiGroups(List.of(HookrelayApi.GROUP))
                                .resources(List.of(HookrelayApi.RECEIVERS + "/status"))
                                .resourceNames(List.of(receiverName))
                                .verbs(List.of("get", "patch")),
                        new V1PolicyRule().apiGroups(List.of(""))
                                .resources(List.of("events"))
                                .verbs(List.of("create"))));
    }

    public static V1RoleBinding roleBinding(String receiverName, String namespace) {
        String name = name(receiverName);
        return new V1RoleBinding().apiVersion("rbac.authorization.k8s.io/v1").kind("RoleBinding")
                .metadata(metadata(receiverName, namespace))
                .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name(name))
                .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name(name).namespace(namespace)));
    }

    private static V1ObjectMeta metadata(String receiverName, String namespace) {
        return new V1ObjectMeta().name(name(receiverName)).namespace(namespace)
                .putLabelsItem("app.kubernetes.io/managed-by", "hookrelay")
                .putLabelsItem("app.kubernetes.io/component", "receiver-fn")
                .putLabelsItem(HookrelayApi.GROUP + "/receiver", receiverName);
    }
}
