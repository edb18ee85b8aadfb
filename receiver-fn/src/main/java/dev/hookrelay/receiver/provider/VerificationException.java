package dev.hookrelay.receiver.provider;

/** The delivery did not prove it holds the token; answered 401 with this message as the reason. */
public class VerificationException extends Exception {
    public VerificationException(String reason) {
        super(reason, null, false, false);
    }
}
