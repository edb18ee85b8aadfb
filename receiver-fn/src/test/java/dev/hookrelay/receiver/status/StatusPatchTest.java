package dev.hookrelay.receiver.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The JSON Patch tests the function's own counters and never rewrites recentEvents. */
class StatusPatchTest {
    private static final int LIMIT = 20;
    private final StatusPatch patches = new StatusPatch(LIMIT);

    @Test
    void aFullRecentEventsListGetsTheNewOnesInFrontAndLosesAsManyAtTheEnd() {
        ReceiverState current = receiver(true, 57, events("old", LIMIT));
        StatusMerge merge = StatusMerge.apply(current, events("new", 2), Rejections.Tally.empty());

        JsonArray ops = parse(patches.of(current, merge));

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
        ReceiverState current = receiver(false, 0, List.of());
        StatusMerge merge = StatusMerge.apply(current, events("first", 1), Rejections.Tally.empty());

        assertEquals(List.of(
                "test /metadata/resourceVersion \"42\"",
                "add /status {}",
                "add /status/eventCount 1",
                "add /status/lastEvent first-0",
                "add /status/recentEvents [first-0]"), describe(parse(patches.of(current, merge))));
    }

    @Test
    void afterAWriteTheStateHoldsWhatThePatchMadeOfTheStatus() {
        ReceiverState current = receiver(true, 57, events("old", LIMIT));
        StatusMerge merge = StatusMerge.apply(current, events("new", 2), Rejections.Tally.empty());

        ReceiverState after = current.after(merge, new ReceiverState.Identity("r", "ns", "uid", "43"), LIMIT);

        assertEquals(59, after.eventCount());
        assertEquals("43", after.identity().resourceVersion());
        List<String> expected = new ArrayList<>(List.of("new-1", "new-0"));
        IntStream.range(0, LIMIT - 2).forEach(i -> expected.add("old-" + i));
        assertEquals(expected, after.recentEvents().stream().map(V1alpha1ReceivedEvent::getId).toList());
    }

    private static ReceiverState receiver(boolean hasStatus, long eventCount, List<V1alpha1ReceivedEvent> recent) {
        return new ReceiverState(new ReceiverState.Identity("r", "ns", "uid", "42"), hasStatus, eventCount, 0, null, recent);
    }

    private static JsonArray parse(byte[] patch) {
        return JsonParser.parseString(new String(patch, StandardCharsets.UTF_8)).getAsJsonArray();
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
