package dev.hookrelay.receiver.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The JSON Patch tests the function's own counters and never rewrites recentEvents. */
class StatusPatchTest {
    private static final int LIMIT = 20;
    private final StatusPatch patches = new StatusPatch(new JSON().getGson(), LIMIT);

    @Test
    void aFullRecentEventsListGetsTheNewOnesInFrontAndLosesAsManyAtTheEnd() {
        V1alpha1Receiver current = receiver(new V1alpha1ReceiverStatus().eventCount(57).recentEvents(events("old", LIMIT)));
        StatusMerge merge = StatusMerge.apply(current.getStatus(), events("new", 2), Rejections.Tally.empty());

        JsonArray ops = patches.of(current, merge);

        assertEquals(List.of(
                "test /status/eventCount 57",
                "add /status/eventCount 59",
                "add /status/lastEvent new-1",
                "add /status/recentEvents/0 new-0",
                "add /status/recentEvents/0 new-1",
                "remove /status/recentEvents/20",
                "remove /status/recentEvents/20"), describe(ops));
    }

    @Test
    void theFirstWriteTestsTheResourceVersionBecauseNoCounterExistsYet() {
        V1alpha1Receiver current = receiver(null);
        StatusMerge merge = StatusMerge.apply(null, events("first", 1), Rejections.Tally.empty());

        assertEquals(List.of(
                "test /metadata/resourceVersion \"42\"",
                "add /status {}",
                "add /status/eventCount 1",
                "add /status/lastEvent first-0",
                "add /status/recentEvents [first-0]"), describe(patches.of(current, merge)));
    }

    private static V1alpha1Receiver receiver(V1alpha1ReceiverStatus status) {
        return new V1alpha1Receiver().metadata(new V1ObjectMeta().name("r").resourceVersion("42")).status(status);
    }

    private static List<V1alpha1ReceivedEvent> events(String prefix, int count) {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-30T12:00:00Z");
        return new ArrayList<>(IntStream.range(0, count).mapToObj(i -> new V1alpha1ReceivedEvent().id(prefix + "-" + i)
                .type("push").provider("github").receivedAt(at)).toList());
    }

    /** "op path value", an event shown by its id. */
    private static List<String> describe(JsonArray ops) {
        List<String> described = new ArrayList<>();
        for (JsonElement element : ops) {
            var op = element.getAsJsonObject();
            String line = op.get("op").getAsString() + " " + op.get("path").getAsString();
            JsonElement value = op.get("value");
            if (value != null) {
                line += " " + (value.isJsonObject() && value.getAsJsonObject().has("id") ? value.getAsJsonObject().get("id").getAsString()
                        : value.isJsonArray() ? idsOf(value.getAsJsonArray()) : value.toString());
            }
            described.add(line);
        }
        return described;
    }

    private static String idsOf(JsonArray events) {
        List<String> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        return ids.toString().replace(" ", "");
    }
}
