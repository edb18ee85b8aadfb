package dev.hookrelay.receiver;

import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The floor any synchronous receiver stands on: per delivery, one merge-PATCH of an annotation
 * on one object (here a ConfigMap), answered when the API server answers. wrk sends those PATCHes
 * straight to the API server, as a ServiceAccount allowed only that, at the same concurrency as
 * the function's run: no receiver process at all, so its CPU is the API server's and etcd's only.
 */
final class SynchronousFloor {
    private static final String NAME = "synchronous-floor";

    private final ControlPlane plane;
    private final String namespace;
    private final String token;
    private final Path workDir;

    private SynchronousFloor(ControlPlane plane, String namespace, String token, Path workDir) {
        this.plane = plane;
        this.namespace = namespace;
        this.token = token;
        this.workDir = workDir;
    }

    static SynchronousFloor create(ControlPlane plane, String namespace, Path workDir) throws Exception {
        CoreV1Api core = new CoreV1Api(plane.adminClient());
        V1ObjectMeta meta = new V1ObjectMeta().name(NAME).namespace(namespace);
        core.createNamespacedConfigMap(namespace, new V1ConfigMap().metadata(meta)).execute();
        core.createNamespacedServiceAccount(namespace, new V1ServiceAccount().metadata(meta)).execute();
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(plane.adminClient());
        rbac.createNamespacedRole(namespace, new V1Role().metadata(meta).rules(List.of(new V1PolicyRule()
                .apiGroups(List.of("")).resources(List.of("configmaps")).resourceNames(List.of(NAME))
                .verbs(List.of("get", "patch"))))).execute();
        rbac.createNamespacedRoleBinding(namespace, new V1RoleBinding().metadata(meta)
                .roleRef(new V1RoleRef().apiGroup("rbac.authorization.k8s.io").kind("Role").name(NAME))
                .subjects(List.of(new RbacV1Subject().kind("ServiceAccount").name(NAME).namespace(namespace)))).execute();
        String token = plane.serviceAccountToken(namespace, NAME);
        return new SynchronousFloor(plane, namespace, token, workDir);
    }

    /** Each PATCH writes a new value, so every one is a real write to etcd (an unchanged one is not). */
    Wrk.Result load(String idPrefix, int connections, int seconds) throws Exception {
        Path script = Wrk.script(workDir, idPrefix, "PATCH", """
                  return wrk.format(nil, nil, nil,
                    '{"metadata":{"annotations":{"hookrelay.dev/requestedAt":"' .. id .. '-' .. n .. '"}}}')
                """);
        return Wrk.run(script, connections, seconds, Map.of(
                "Authorization", "Bearer " + token,
                "Content-Type", "application/merge-patch+json",
                "Accept", "application/json"), plane.url() + "/api/v1/namespaces/" + namespace + "/configmaps/" + NAME);
    }
}
