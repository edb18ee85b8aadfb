package dev.hookrelay.controller.notification;

/** An event body the intake cannot use; the message names the field and what to send instead. */
final class MalformedEventException extends Exception {
    MalformedEventException(String message) {
        super(message);
    }
}
