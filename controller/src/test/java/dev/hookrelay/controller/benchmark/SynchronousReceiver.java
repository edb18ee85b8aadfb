package dev.hookrelay.controller.benchmark;

import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The baseline of the end-to-end figure: a synchronous receiver, as Flux's notification-controller
 * is one. Per POST it verifies the GitHub signature, merge-PATCHes
 * {@code reconcile.fluxcd.io/requestedAt} on one GitRepository, and only then answers 200.
 */
final class SynchronousReceiver implements AutoCloseable {
    private final HttpServer server;
    private final java.util.concurrent.ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CustomObjectsApi api;
    private final ApiClient client;
    private final byte[] token;
    private final String namespace;
    private final String target;

    SynchronousReceiver(ApiClient client, String token, String namespace, String target) throws IOException {
        this.client = client;
        this.api = new CustomObjectsApi(client);
        this.token = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.namespace = namespace;
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/hook", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
            if (signature == null || !MessageDigest.isEqual(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    ("sha256=" + hmac(body)).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String patch = "{\"metadata\":{\"annotations\":{\"" + FLUX_ANNOTATION + "\":\"" + Instant.now() + "\"}}}";
            PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObject(GIT_REPOSITORY.group(),
                    GIT_REPOSITORY.version(), namespace, GIT_REPOSITORY.plural(), target, new V1Patch(patch)).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
            exchange.sendResponseHeaders(200, -1);
        } catch (ApiException e) {
            exchange.sendResponseHeaders(503, -1);
        }
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
