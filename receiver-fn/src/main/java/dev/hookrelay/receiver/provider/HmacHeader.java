package dev.hookrelay.receiver.provider;

/**
 * A header in which a provider sends {@code <prefix><hex HMAC>} of what it signed, for example
 * GitHub's {@code X-Hub-Signature-256: sha256=<hex>} or Gitea's bare hex {@code X-Gitea-Signature}.
 *
 * @param name      the header
 * @param prefix    what stands before the hex digits; empty for bare hex
 * @param algorithm the javax.crypto.Mac name, for example HmacSHA256
 * @param why       why the header is expected, shown when it is missing
 */
record HmacHeader(String name, String prefix, String algorithm, String why) {

    /** Checks the header against the HMAC of the whole body. */
    void verify(WebhookRequest request, byte[] token) throws VerificationException {
        verify(request, token, request.body());
    }

    /** Checks the header against the HMAC of {@code signed}, for providers that sign less than the body. */
    void verify(WebhookRequest request, byte[] token, byte[] signed) throws VerificationException {
        String value = Signatures.header(request, name, why);
        String hex = Signatures.afterPrefix(name, value, prefix, prefix + "<hex>");
        Signatures.checkHmac(name, hex, algorithm, token, signed);
    }
}
