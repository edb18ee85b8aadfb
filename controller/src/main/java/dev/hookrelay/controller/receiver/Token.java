package dev.hookrelay.controller.receiver;

import dev.hookrelay.api.Sha256;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1Receiver;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A Receiver's token and the Secret that holds it. Never printed. */
final class Token {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 32;

    private final String secretName;
    private final String value;

    Token(String secretName, String value) {
        this.secretName = secretName;
        this.value = value;
    }

    /** 32 random bytes, hex-encoded. */
    static String random() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String secretName() {
        return secretName;
    }

    /** Only for what keeps it in Hookrelay's own Secrets (a rotation's memory); never for output. */
    String value() {
        return value;
    }

    String webhookPath(V1alpha1Receiver receiver) {
        return FunctionContract.webhookPath(value, receiver.getMetadata().getName(), receiver.getMetadata().getNamespace());
    }

    /** Changes with the token, so a rotation rolls a new revision; does not reveal the token. */
    String sha256() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "Token in Secret " + secretName;
    }
}
