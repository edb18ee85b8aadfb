package dev.hookrelay.receiver.status;

/**
 * A delivery durably in the Receiver's status: counted now, or found there already.
 *
 * @param id         the delivery id in status: the provider's, or the one assigned where it sends none
 * @param duplicate  the delivery id had been recorded before and was not counted again
 * @param eventCount the Receiver's eventCount after the write
 */
public record Recorded(String id, boolean duplicate, long eventCount) {
}
