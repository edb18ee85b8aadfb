package dev.hookrelay.receiver.provider;

/**
 * A provider that cannot sign its deliveries (DockerHub, Quay, Azure Container Registry): the
 * only secret is the webhook URL, whose path {@code /hook/<digest>} the caller has already
 * matched before asking the provider. So {@link #verify} accepts every delivery that gets this
 * far.
 *
 * <p>Treat such a webhook URL as a secret: it carries the digest of the Receiver's random
 * 32-byte token (at least 128 bits that cannot be guessed), so share it only with the provider,
 * keep it out of logs, and rotate the token (which changes the path) if it leaks.
 */
interface SecretPathProvider extends Provider {

    @Override
    default void verify(WebhookRequest request, byte[] token) {
        // The path digest, checked by the caller, is the proof.
    }
}
