package dev.hookrelay.controller.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.controller.testing.ShippedRbac;
import dev.hookrelay.testing.AuditTrail;
import io.kubernetes.client.openapi.models.V1ClusterRole;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven by the API server: after the module's tests, which run every controller
 * with the shipped RBAC, each verb the shipped ClusterRole and leader-election Role grant on each
 * resource appears in the audit log as used by the controller's ServiceAccount. A right no test
 * shows the controller using is a right to drop. Two kinds of rights are held without a request
 * of their own: what the controller grants each function's Role (RBAC lets it grant only what it
 * holds: every test that provisions a Receiver with the shipped RBAC proves it), and update on
 * receivers/finalizers, which clusters enforcing OwnerReferencesPermissionEnforcement (OpenShift
 * among them) check inside admission when an owned object with blockOwnerDeletion is created.
 */
class ShippedRbacUsedIT {

    @Test
    void everyShippedGrantWasUsedByTheController() throws IOException {
        Path directory = AuditTrail.directory().orElseThrow();
        assertTrue(Files.isDirectory(directory), "no audit logs in " + directory + "; run the module's tests first");
        AuditTrail trail = AuditTrail.read(directory);
        Predicate<String> controller = ShippedRbac.USER::equals;
        assertTrue(trail.count(controller) > 0, "the audit logs in " + directory + " show no request by " + ShippedRbac.USER);

        Set<String> unused = new TreeSet<>(trail.unusedGrants(controller, shippedRules()));
        unused.removeAll(AuditTrail.grants(FunctionAccess.role("any", "any").getRules()));
        unused.remove("update hookrelay.dev/receivers/finalizers");

        assertEquals(Set.of(), unused, "knative/base/controller-rbac.yaml grants what no test saw the controller use; "
                + "drop it, or add the test that needs it");
    }

    private static List<V1PolicyRule> shippedRules() throws IOException {
        List<V1PolicyRule> rules = new ArrayList<>();
        for (Object object : Yaml.loadAll(ShippedRbac.MANIFEST.toFile())) {
            if (object instanceof V1ClusterRole role) {
                rules.addAll(role.getRules());
            } else if (object instanceof V1Role role) {
                rules.addAll(role.getRules());
            }
        }
        return rules;
    }
}
