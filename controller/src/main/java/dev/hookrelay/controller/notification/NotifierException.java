package dev.hookrelay.controller.notification;

/**
 * A Provider cannot turn an event into a request (an address of the wrong form, a commit status
 * without a revision). Not retried; the message says what to fix and carries no credential.
 */
public final class NotifierException extends Exception {
    public NotifierException(String message) {
        super(message);
    }
}
