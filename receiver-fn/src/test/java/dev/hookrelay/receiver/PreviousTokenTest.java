package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Within a rotation's grace window the function verifies with the token a rotation replaced as
 * well as with the current one, answers alike whichever matched, counts the deliveries that only
 * the previous one verified, and stops accepting it at the expiry it was given, by itself.
 */
@ExtendWith(ControlPlaneExtension.class)
class PreviousTokenTest {
    private static final String IN_A_DAY = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).toString();
    private static final String AN_HOUR_AGO = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();

    @Test
    void bothTokensVerifyWithinTheWindowAndOnlyThePreviousOneIsCounted(ControlPlane plane, TestNamespace namespace) {
        String previous = RunningFunction.randomToken();
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "window",
                new V1alpha1ReceiverSpec().type("github"), previousToken(previous, IN_A_DAY))) {
            HttpResponse<String> withCurrent = push(function, "d-current", function.token);
            HttpResponse<String> withPrevious = push(function, "d-previous", previous);
            HttpResponse<String> withNeither = push(function, "d-neither", RunningFunction.randomToken());

            assertEquals(200, withCurrent.statusCode(), withCurrent.body());
            assertEquals(200, withPrevious.statusCode(), withPrevious.body());
            assertEquals(withCurrent.body().replace("d-current", "x").replaceAll("\"eventCount\":\\d+", ""),
                    withPrevious.body().replace("d-previous", "x").replaceAll("\"eventCount\":\\d+", ""),
                    "the answer does not tell which token matched");
            assertEquals(401, withNeither.statusCode(), withNeither.body());
            assertEquals(2, function.eventCount());
            assertEquals(1.0, previousTokenDeliveries(function));
        }
    }

    @Test
    void thePreviousTokenNoLongerVerifiesAfterItsExpiry(ControlPlane plane, TestNamespace namespace) {
        String previous = RunningFunction.randomToken();
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "expired",
                new V1alpha1ReceiverSpec().type("github"), previousToken(previous, AN_HOUR_AGO))) {
            HttpResponse<String> withPrevious = push(function, "d-previous", previous);
            HttpResponse<String> withCurrent = push(function, "d-current", function.token);

            assertEquals(401, withPrevious.statusCode(), withPrevious.body());
            assertEquals(200, withCurrent.statusCode(), withCurrent.body());
            assertEquals(0.0, previousTokenDeliveries(function));
        }
    }

    @Test
    void anUnsignedProviderServesThePreviousTokensPathWithinTheWindowOnly(ControlPlane plane, TestNamespace namespace) {
        String previous = RunningFunction.randomToken();
        String stale = RunningFunction.randomToken();
        try (RunningFunction open = RunningFunction.start(plane, namespace.name(), "open",
                new V1alpha1ReceiverSpec().type("quay"), previousToken(previous, IN_A_DAY));
             RunningFunction closed = RunningFunction.start(plane, namespace.name(), "closed",
                new V1alpha1ReceiverSpec().type("quay"), previousToken(stale, AN_HOUR_AGO))) {
            HttpResponse<String> oldPath = quayPush(open, FunctionContract.webhookPath(previous, "open", namespace.name()));
            HttpResponse<String> newPath = quayPush(open, FunctionContract.webhookPath(open.token, "open", namespace.name()));
            HttpResponse<String> expiredPath = quayPush(closed, FunctionContract.webhookPath(stale, "closed", namespace.name()));

            assertEquals(200, oldPath.statusCode(), oldPath.body());
            assertEquals(200, newPath.statusCode(), newPath.body());
            assertEquals(404, expiredPath.statusCode(), expiredPath.body());
            assertEquals(1.0, previousTokenDeliveries(open));
        }
    }

    @Test
    void aPreviousTokenWithoutExpiryStopsTheFunctionAtStartUp(ControlPlane plane, TestNamespace namespace) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new ReceiverIdentity("x",
                namespace.name(), "github", "", false, tokenFile(RunningFunction.randomToken()), "", tokenFile(
                RunningFunction.randomToken()), ""));

        assertEquals(FunctionContract.ENV_PREVIOUS_TOKEN_FILE + " is set without "
                + FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT + "; leave both to the controller", refused.getMessage());
    }

    private static HttpResponse<String> push(RunningFunction function, String delivery, String token) {
        byte[] body = GitHubDeliveries.push("acme/app", "2222222222222222222222222222222222222222");
        return function.post(GitHubDeliveries.headers("push", delivery, body, token), body);
    }

    private static HttpResponse<String> quayPush(RunningFunction function, String path) {
        byte[] body = """
                {"repository":"acme/app","namespace":"acme","name":"app","docker_url":"quay.io/acme/app",
                 "homepage":"https://quay.io/repository/acme/app","updated_tags":["v1"]}"""
                .getBytes(StandardCharsets.UTF_8);
        return function.post(path, Map.of("Content-Type", "application/json"), body);
    }

    private static double previousTokenDeliveries(RunningFunction function) {
        return function.bean(MeterRegistry.class).counter(TokenVerification.PREVIOUS_TOKEN_METRIC).count();
    }

    private static Map<String, Object> previousToken(String token, String expiresAt) {
        return Map.of("hookrelay.previous.token.file", tokenFile(token), "hookrelay.previous.token.expires.at", expiresAt);
    }

    private static String tokenFile(String token) {
        try {
            Path file = Files.createTempFile("previous-token-", "");
            Files.writeString(file, token);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
