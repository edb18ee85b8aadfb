package dev.hookrelay.controller.notification;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP basic authentication's header value. */
final class BasicAuth {
    private BasicAuth() {
    }

    static String of(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
