package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Whatever a delivery does, the logs carry neither the token nor what the payload said. */
@ExtendWith(ControlPlaneExtension.class)
class LogHygieneTest {
    private static final String PAYLOAD_MARKER = "payload-marker-7f3a9c";

    @Test
    void logsContainNeitherTokenNorPayload(ControlPlane plane, TestNamespace namespace) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Level previous = root.getLevel();
        root.setLevel(Level.DEBUG);
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "quiet",
                new V1alpha1ReceiverSpec().type("github").events(List.of("push")))) {
            byte[] body = GitHubDeliveries.push("acme/" + PAYLOAD_MARKER, PAYLOAD_MARKER);
            Map<String, String> valid = GitHubDeliveries.headers("push", "quiet-1", body, function.token);
            function.post(valid, body);
            function.post(GitHubDeliveries.headers("push", "quiet-2", body, "wrong-" + function.token), body);
            Map<String, String> unsigned = new HashMap<>(valid);
            unsigned.remove("X-Hub-Signature-256");
            function.post(unsigned, body);
            function.post(GitHubDeliveries.headers("release", "quiet-3", body, function.token), body);
            byte[] garbled = (PAYLOAD_MARKER + " not json").getBytes(StandardCharsets.UTF_8);
            function.post(GitHubDeliveries.headers("push", "quiet-4", garbled, function.token), garbled);

            List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.stream().anyMatch(l -> l.contains("rejected a delivery")), "nothing was logged: " + lines);
            for (String line : lines) {
                assertFalse(line.contains(function.token), "token in log: " + line);
                assertFalse(line.contains(PAYLOAD_MARKER), "payload in log: " + line);
            }
        } finally {
            root.detachAppender(captured);
            root.setLevel(previous);
        }
    }
}
