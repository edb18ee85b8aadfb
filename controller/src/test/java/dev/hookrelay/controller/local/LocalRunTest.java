package dev.hookrelay.controller.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Kubectl;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's run command, end to end: the printed command's push shows up in `kubectl get receivers`. */
@ExtendWith(ControlPlaneExtension.class)
class LocalRunTest {

    @Test
    void printedPushCommandIsRecordedAndShownByKubectl(ControlPlane plane) throws Exception {
        try (LocalHookrelay local = LocalHookrelay.start(plane)) {
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
