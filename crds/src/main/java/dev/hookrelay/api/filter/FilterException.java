package dev.hookrelay.api.filter;

/** A filter that does not compile, or whose evaluation failed; the message says why, never with payload content. */
public final class FilterException extends Exception {
    public FilterException(String message) {
        super(message, null, false, false);
    }
}
