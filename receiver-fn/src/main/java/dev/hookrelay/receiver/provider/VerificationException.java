package dev.hookrelay.receiver.provider;

/** The delivery did not prove it holds the token; answered 401 with this message as the reason. */
public class VerificationException extends Exception {
    private final String header;

    /**
     * @param header the header the provider is expected to send (shown in status.lastRejection)
     * @param reason what was wrong with it; never the token or the value received
     */
    public VerificationException(String header, String reason) {
        super(reason, null, false, false);
        this.header = header;
    }

    public String header() {
        return header;
    }
}
