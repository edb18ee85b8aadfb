package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The function serves the path the controller gives it, not one it derives, unless its provider cannot sign. */
@ExtendWith(ControlPlaneExtension.class)
class WebhookPathTest {

    @Test
    void signingProviderIsServedAtTheGivenPathOnly(ControlPlane plane, TestNamespace namespace) {
        String given = FunctionContract.HOOK_PATH_PREFIX + RunningFunction.randomToken();
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "given",
                new V1alpha1ReceiverSpec().type("github"), Map.of("hookrelay.webhook.path", given))) {
            byte[] body = GitHubDeliveries.push("acme/given", "1111111111111111111111111111111111111111");
            Map<String, String> headers = GitHubDeliveries.headers("push", "delivery-given", body, function.token);

            HttpResponse<String> derived = function.post(
                    FunctionContract.webhookPath(function.token, "given", namespace.name()), headers, body);
            HttpResponse<String> served = function.post(given, headers, body);

            assertEquals(404, derived.statusCode(), "the token no longer makes the path");
            assertEquals(200, served.statusCode(), served.body());
        }
    }

    @Test
    void unsignedProviderIsServedAtThePathItsTokenMakes(ControlPlane plane, TestNamespace namespace) {
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "registry",
                new V1alpha1ReceiverSpec().type("quay"))) {
            byte[] body = """
                    {"repository":"acme/app","namespace":"acme","name":"app","docker_url":"quay.io/acme/app",
                     "homepage":"https://quay.io/repository/acme/app","updated_tags":["v1"]}"""
                    .getBytes(StandardCharsets.UTF_8);

            HttpResponse<String> served = function.post(
                    FunctionContract.webhookPath(function.token, "registry", namespace.name()),
                    Map.of("Content-Type", "application/json"), body);

            assertEquals(200, served.statusCode(), served.body());
        }
    }

    @Test
    void aGivenPathOfAnotherShapeStopsTheFunctionAtStartUp(ControlPlane plane, TestNamespace namespace) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new ReceiverIdentity("x", namespace.name(), "github", "", false, tokenFile(), "/hook/short", "", ""));

        assertEquals(FunctionContract.ENV_WEBHOOK_PATH + " is not /hook/ followed by 64 hex characters; leave it "
                + "to the controller", refused.getMessage());
    }

    private static String tokenFile() {
        try {
            Path file = Files.createTempFile("token-", "");
            Files.writeString(file, RunningFunction.randomToken());
            return file.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
