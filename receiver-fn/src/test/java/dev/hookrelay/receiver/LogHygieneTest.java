package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Whatever a delivery does, the logs carry neither the token nor what the payload said, and
 * rejected deliveries cannot flood them: one line per kind of rejection per interval.
 */
@ExtendWith(ControlPlaneExtension.class)
class LogHygieneTest {
    private static final String PAYLOAD_MARKER = "payload-marker-7f3a9c";
    private static final Pattern REJECTED = Pattern.compile("rejected (\\d+) deliver(?:y|ies) in the last .*: unauthorized: ");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previous;

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
        previous = root.getLevel();
        root.setLevel(Level.DEBUG);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    @Test
    void logsContainNeitherTokenNorPayload(ControlPlane plane, TestNamespace namespace) {
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

            Eventually.await("rejections logged", Duration.ofSeconds(30),
                    () -> lines().stream().anyMatch(l -> l.contains("malformed: ")));
            for (String line : lines()) {
                assertFalse(line.contains(function.token), "token in log: " + line);
                assertFalse(line.contains(PAYLOAD_MARKER), "payload in log: " + line);
            }
        }
    }

    @Test
    void aFloodOfRejectedDeliveriesIsLoggedInAFewAggregatedLines(ControlPlane plane, TestNamespace namespace) {
        int rejected = 200;
        try (RunningFunction function = RunningFunction.start(plane, namespace.name(), "flooded",
                new V1alpha1ReceiverSpec().type("github"), Map.of("hookrelay.rejections.log-interval", "2s"))) {
            byte[] body = GitHubDeliveries.push("acme/flood", "c".repeat(40));
            for (int i = 0; i < rejected; i++) {
                function.post(GitHubDeliveries.headers("push", "flood-" + i, body, "wrong-" + function.token), body);
            }

            Eventually.await("every rejection counted in the log", Duration.ofSeconds(30),
                    () -> logged(lines()) == rejected);
            long lines = lines().stream().filter(l -> REJECTED.matcher(l).find()).count();
            System.out.printf("%d rejected deliveries logged in %d lines%n", rejected, lines);
            assertTrue(lines < rejected / 10, lines + " lines for " + rejected + " rejections");
            assertEquals(rejected, logged(lines()));
        }
    }

    private List<String> lines() {
        synchronized (captured) {
            return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    private static long logged(List<String> lines) {
        long total = 0;
        for (String line : lines) {
            Matcher matcher = REJECTED.matcher(line);
            if (matcher.find()) {
                total += Long.parseLong(matcher.group(1));
            }
        }
        return total;
    }
}
