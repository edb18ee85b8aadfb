package dev.hookrelay.controller.registration;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hookrelay.api.Sha256;
import dev.hookrelay.controller.kube.ControllerName;
import dev.hookrelay.controller.kube.Problem;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub App installation tokens: a JWT signed with the app's private key (RS256, issued a
 * minute in the past against clock drift, valid 9 minutes) buys an installation token, which
 * is kept until 5 minutes before it expires. Tokens and keys live in memory only.
 */
@Singleton
class GitHubAppTokens {
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private record Cached(String token, Instant expiresAt) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    String installationToken(HttpClient client, Duration timeout, String apiUrl, Credentials.GitHubApp app) {
        String key = apiUrl + " " + app.appId() + " " + app.installationId() + " " + Sha256.hex(app.privateKeyPem());
        Cached cached = cache.get(key);
        if (cached != null && Instant.now().plus(MARGIN).isBefore(cached.expiresAt())) {
            return cached.token();
        }
        Cached fresh = exchange(client, timeout, apiUrl, app);
        cache.put(key, fresh);
        return fresh.token();
    }

    private static Cached exchange(HttpClient client, Duration timeout, String apiUrl, Credentials.GitHubApp app) {
        URI uri = URI.create(apiUrl + "/app/installations/" + Paths.segment(app.installationId()) + "/access_tokens");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/vnd.github+json")
                .header("User-Agent", ControllerName.VALUE)
                .header("Authorization", "Bearer " + jwt(app))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("ProviderUnreachable", "GitHub at " + apiUrl + " could not be reached for an"
                    + " installation token (" + e.getClass().getSimpleName() + "); retrying with backoff", 0, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("ProviderUnreachable", "interrupted", 0, true, null);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            String said = ProviderHttp.message(parse(response.body()));
            throw new ProviderException(response.statusCode() == 404 ? "NotFound" : "Unauthorized", "GitHub refused an"
                    + " installation token for " + app + " (" + response.statusCode() + (said.isEmpty() ? "" : ": " + said)
                    + "); check `appID`, `installationID` and `privateKey` in the Secret, and that the app is installed"
                    + " on the repository or organization", response.statusCode(), response.statusCode() >= 500, null);
        }
        JsonObject body = parse(response.body());
        return new Cached(body.get("token").getAsString(), Instant.parse(body.get("expires_at").getAsString()));
    }

    private static JsonObject parse(String body) {
        try {
            return JsonParser.parseString(body).getAsJsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    static String jwt(Credentials.GitHubApp app) {
        long now = Instant.now().getEpochSecond();
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        JsonObject claims = new JsonObject();
        claims.addProperty("iat", now - 60);
        claims.addProperty("exp", now + 540);
        claims.addProperty("iss", app.appId());
        String payload = URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey(app.privateKeyPem()));
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw Problem.retried("CredentialsInvalid", "`privateKey` of " + app + " is not an RSA private key"
                    + " in PEM (as GitHub's \"Generate a private key\" downloads it)");
        }
    }

    /** PKCS#8 ("BEGIN PRIVATE KEY") or PKCS#1 ("BEGIN RSA PRIVATE KEY", what GitHub hands out). */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1 ? pkcs8(der) : der));
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as an octet string. */
    private static byte[] pkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
                0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + algorithm.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(algorithm, 0, body, version.length, algorithm.length);
        System.arraycopy(octets, 0, body, version.length + algorithm.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        int length = content.length;
        byte[] lengthBytes = length < 0x80 ? new byte[] {(byte) length}
                : length < 0x100 ? new byte[] {(byte) 0x81, (byte) length}
                : length < 0x10000 ? new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length}
                : new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
        byte[] out = new byte[1 + lengthBytes.length + length];
        out[0] = (byte) tag;
        System.arraycopy(lengthBytes, 0, out, 1, lengthBytes.length);
        System.arraycopy(content, 0, out, 1 + lengthBytes.length, length);
        return out;
    }
}
