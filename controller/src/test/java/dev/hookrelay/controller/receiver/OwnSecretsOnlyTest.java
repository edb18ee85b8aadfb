package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The controller keeps in memory only the Secrets it labels as its own; any other Secret, even
 * one a Receiver names in spec.secretRef, is read by name when needed and never cached.
 */
@ExtendWith(ControlPlaneExtension.class)
class OwnSecretsOnlyTest {

    @Test
    void secretCacheHoldsTheSecretsItCreatedAndNoOtherSecret(ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        cluster.createSecret("database-password", Map.of("password", "not Hookrelay's business"));
        cluster.createSecret("referenced-token", Map.of("token", "e".repeat(40)));
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name())) {
            cluster.createReceiverWithSecret("referencing", "referenced-token");
            cluster.createReceiver("owning");

            cluster.awaitReady("referencing", "False", "ServiceNotReady");
            cluster.awaitReady("owning", "False", "ServiceNotReady");
            V1Secret token = cluster.secret(TokenSecret.ownedName(cluster.receiver("owning")));
            assertEquals("hookrelay", token.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
            List<String> owned = List.of(token.getMetadata().getName(), "hookrelay-webhook-owning",
                    "hookrelay-webhook-referencing");
            List<String> cached = Eventually.await("Hookrelay's own Secrets in the cache", Cluster.TIMEOUT, () -> {
                List<String> names = controller.bean(ReceiverCaches.class).secrets().list().stream()
                        .map(secret -> secret.getMetadata().getName()).sorted().toList();
                return names.containsAll(owned) ? names : null;
            });
            assertEquals(owned, cached);
        }
    }
}
