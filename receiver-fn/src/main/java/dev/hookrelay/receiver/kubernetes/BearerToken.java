package dev.hookrelay.receiver.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The bearer token the function authenticates with: fixed (a kubeconfig's {@code token}), or
 * read from a file and read again after a minute, because the kubelet rotates a projected
 * ServiceAccount token in place. Never logged, never part of a message.
 */
final class BearerToken implements Supplier<String> {
    private static final Duration REREAD_AFTER = Duration.ofMinutes(1);

    private final Path file;
    private volatile String value;
    private volatile long readAt;

    private BearerToken(Path file, String value) {
        this.file = file;
        this.value = value;
        this.readAt = System.nanoTime();
    }

    static BearerToken fixed(String value) {
        return new BearerToken(null, value.strip());
    }

    static BearerToken fromFile(Path file) {
        return new BearerToken(file, read(file));
    }

    @Override
    public String get() {
        if (file != null && System.nanoTime() - readAt > REREAD_AFTER.toNanos()) {
            try {
                value = read(file);
            } catch (UncheckedIOException e) {
                // keep the last token: it is valid for a while after the kubelet writes a new one
            }
            readAt = System.nanoTime();
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API token file " + file, e);
        }
    }

    @Override
    public String toString() {
        return file == null ? "a token from the kubeconfig" : "the token in " + file;
    }
}
