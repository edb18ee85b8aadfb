package dev.hookrelay.controller.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Kubectl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The README's run command, end to end: it starts without a stack trace in its log, and the printed
 * command's push shows up in `kubectl get receivers`.
 */
@ExtendWith(ControlPlaneExtension.class)
class LocalRunTest {

    @Test
    void printedPushCommandIsRecordedAndShownByKubectl(ControlPlane plane) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (LocalHookrelay local = LocalHookrelay.start(plane)) {
            root.detachAppender(logged);
            assertEquals(List.of(), logged.list.stream().filter(e -> e.getThrowableProxy() != null)
                    .map(ILoggingEvent::getFormattedMessage).toList(), "stack traces logged while starting");
            String answer = local.sendSamplePush();

            assertTrue(answer.contains("\"status\":\"recorded\""), answer);
            String table = new Kubectl(plane).run("get", "receivers", "-n", LocalHookrelay.NAMESPACE);
            String row = table.lines().filter(l -> l.startsWith(LocalHookrelay.RECEIVER)).findFirst().orElseThrow();
            List<String> columns = List.of(row.trim().split("\\s+"));
            assertEquals(List.of(LocalHookrelay.RECEIVER, "github", "True", "1"), columns.subList(0, 4), table);
            assertTrue(row.contains(local.url()), table);
        }
    }
}
