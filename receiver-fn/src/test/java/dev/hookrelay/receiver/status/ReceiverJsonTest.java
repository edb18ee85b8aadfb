package dev.hookrelay.receiver.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the function reads of a Receiver, and that what it writes reads back as the same delivery. */
class ReceiverJsonTest {

    @Test
    void aDeliveryWrittenIntoAPatchReadsBackEqualSoARetriedWriteRecognisesIt() {
        V1alpha1ReceivedEvent event = new V1alpha1ReceivedEvent().id("d-1").type("push").provider("github")
                .receivedAt(OffsetDateTime.parse("2026-11-30T12:00:00.123456789+01:00")).repository("acme/app")
                .ref("refs/heads/main").revision("abc").sender("octo").action("opened");
        ReceiverState empty = new ReceiverState(new ReceiverState.Identity("r", "ns", "uid", "7"), true, 0, 0, null, List.of());
        String patch = new String(new StatusPatch(20).of(empty, StatusMerge.apply(empty, List.of(event),
                Rejections.Tally.empty())), StandardCharsets.UTF_8);
        String recent = JsonParser.parseString(patch).getAsJsonArray().asList().stream().map(JsonElement::getAsJsonObject)
                .filter(op -> op.get("path").getAsString().equals("/status/recentEvents")).findFirst().orElseThrow()
                .get("value").toString();

        ReceiverState read = ReceiverJson.read(("""
                {"apiVersion":"hookrelay.dev/v1alpha1","kind":"Receiver","metadata":{"name":"r","namespace":"ns",\
                "uid":"u-1","resourceVersion":"8","labels":{"a":"b"}},"spec":{"type":"github","resources":[{"kind":"X"}]},\
                "status":{"conditions":[{"type":"Ready","status":"True"}],"eventCount":1,"recentEvents":%s,\
                "handledEventCount":1}}""".formatted(recent)).getBytes(StandardCharsets.UTF_8));

        assertEquals(new ReceiverState.Identity("r", "ns", "u-1", "8"), read.identity());
        assertEquals(1, read.eventCount());
        assertEquals(read.identity(), ReceiverJson.readMetadata(("""
                {"apiVersion":"hookrelay.dev/v1alpha1","kind":"Receiver","metadata":{"name":"r","namespace":"ns",\
                "uid":"u-1","resourceVersion":"8","managedFields":[{"manager":"x"}]},"status":{this is never read""")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(StatusMerge.Outcome.RECORDED_EARLIER,
                StatusMerge.apply(read, List.of(event), Rejections.Tally.empty()).outcome(0));
        assertEquals("acme/app opened octo abc", String.join(" ", read.recentEvents().get(0).getRepository(),
                read.recentEvents().get(0).getAction(), read.recentEvents().get(0).getSender(),
                read.recentEvents().get(0).getRevision()));
    }

    @Test
    void aReceiverWithoutStatusHasNone() {
        ReceiverState read = ReceiverJson.read("""
                {"metadata":{"name":"r","namespace":"ns","resourceVersion":"3"},"spec":{}}""".getBytes(StandardCharsets.UTF_8));

        assertFalse(read.hasStatus());
        assertEquals(0, read.eventCount());
        assertNull(read.lastRejection());
    }
}
