package dev.hookrelay.receiver.provider;

/**
 * A header in which a provider sends the shared token itself, after an optional scheme, for
 * example GitLab's {@code X-Gitlab-Token: <token>} or {@code Authorization: Bearer <token>}.
 * Only safe over TLS; compared in constant time.
 *
 * @param name   the header
 * @param scheme what stands before the token, for example {@code "Bearer "}; empty for none
 * @param why    why the header is expected, shown when it is missing
 */
record TokenHeader(String name, String scheme, String why) {

    static TokenHeader bearer(String why) {
        return new TokenHeader("Authorization", "Bearer ", why);
    }

    void verify(WebhookRequest request, byte[] token) throws VerificationException {
        String value = Signatures.header(request, name, why);
        String presented = Signatures.afterPrefix(name, value, scheme, scheme + "<token>");
        Signatures.checkToken(name, presented, token);
    }
}
