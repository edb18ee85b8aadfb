package dev.hookrelay.receiver;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The JSON body of every answer to a delivery: what happened and, for errors, why. It never
 * carries the token, a signature or the payload.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HookReply(String status, String reason, String delivery, String event, Long eventCount) {

    static HookReply recorded(String delivery, String event, long eventCount) {
        return new HookReply("recorded", null, delivery, event, eventCount);
    }

    static HookReply duplicate(String delivery, String event, long eventCount) {
        return new HookReply("duplicate", "this delivery id is already recorded", delivery, event, eventCount);
    }

    static HookReply ignored(String delivery, String event, String reason) {
        return new HookReply("ignored", reason, delivery, event, null);
    }

    static HookReply error(String status, String reason) {
        return new HookReply(status, reason, null, null, null);
    }
}
