package dev.hookrelay.receiver.provider;

/** The body is not in the provider's documented format; answered 400 with this message. */
public class MalformedPayloadException extends Exception {
    public MalformedPayloadException(String reason) {
        super(reason, null, false, false);
    }
}
