package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The README's command for a test delivery signs correctly for every provider type: the function records it. */
@ExtendWith(ControlPlaneExtension.class)
class SendTestDeliveryScriptTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"github", "gitea", "forgejo", "gogs", "gitlab", "bitbucket", "bitbucket-server", "azure-devops",
            "harbor", "nexus", "dockerhub", "quay", "acr", "generic", "generic-hmac", "cdevents"})
    void scriptDeliveryIsRecorded(String type, ControlPlane plane, TestNamespace namespace) throws Exception {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "script-" + type,
                new V1alpha1ReceiverSpec().type(type))) {
            Process script = new ProcessBuilder("bash", "scripts/send-test-delivery.sh", "--type", type,
                    "--url", function.uri(function.webhookPath).toString(), "--token", function.token)
                    .redirectErrorStream(true).start();
            String answer = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(script.waitFor(30, TimeUnit.SECONDS));

            assertTrue(answer.contains("\"status\":\"recorded\""), answer);
            assertEquals(1, function.eventCount(), answer);
        }
    }
}
