package dev.hookrelay.receiver.status;

/**
 * A delivery durably in the Receiver's status: counted now, or found there already.
 *
 * @param duplicate  the delivery id had been recorded before and was not counted again
 * @param eventCount the Receiver's eventCount after the write
 */
public record Recorded(boolean duplicate, long eventCount) {
}
