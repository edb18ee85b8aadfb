package dev.hookrelay.receiver;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub deliveries as GitHub sends them: JSON body, X-Hub-Signature-256 over the raw body. */
public final class GitHubDeliveries {
    private GitHubDeliveries() {
    }

    public static byte[] push(String repository, String commit) {
        return """
                {"ref":"refs/heads/main","before":"0000000000000000000000000000000000000000","after":"%s",
                 "repository":{"full_name":"%s","clone_url":"https://github.com/%s.git"},
                 "pusher":{"name":"octocat"},"sender":{"login":"octocat"}}
                """.formatted(commit, repository, repository).getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, String> headers(String event, String deliveryId, byte[] body, String token) {
        return Map.of("Content-Type", "application/json",
                "X-GitHub-Event", event,
                "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", "sha256=" + hmacSha256(token, body));
    }

    static String hmacSha256(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
