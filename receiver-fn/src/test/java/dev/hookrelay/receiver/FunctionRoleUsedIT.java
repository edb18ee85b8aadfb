package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.testing.AuditTrail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, proven by the API server: after the module's tests, which run every function
 * with its own ServiceAccount's token, each verb the function's Role grants appears in the audit
 * log as used by a function. A right no test shows a function using is a right to drop.
 */
class FunctionRoleUsedIT {
    private static final Pattern FUNCTION = Pattern.compile(
            "system:serviceaccount:[^:]+:" + Pattern.quote(FunctionAccess.name("")) + ".+");

    @Test
    void everyGrantOfTheFunctionRoleWasUsed() {
        Path directory = AuditTrail.directory().orElseThrow();
        assertTrue(Files.isDirectory(directory), "no audit logs in " + directory + "; run the module's tests first");
        AuditTrail trail = AuditTrail.read(directory);
        Predicate<String> function = user -> FUNCTION.matcher(user).matches();
        assertTrue(trail.count(function) > 0, "the audit logs in " + directory + " show no request by a function");

        Set<String> unused = trail.unusedGrants(function, FunctionAccess.role("any", "any").getRules());

        assertEquals(Set.of(), unused, "FunctionAccess grants the function what no test saw it use; drop it, "
                + "or add the test that needs it");
    }
}
