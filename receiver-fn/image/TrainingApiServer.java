import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the Kubernetes API server during the image's AOT-cache training run only: over
 * TLS, it answers the three calls receiver-fn makes as the API server would (GET and PATCH of
 * one Receiver's status, create an Event), so that the training takes the path of a real first
 * delivery: TLS handshake, certificate check, a status read and a committed write.
 *   java TrainingApiServer PORT KEYSTORE.p12 PASSWORD NAMESPACE NAME
 */
public final class TrainingApiServer {
    private final AtomicLong version = new AtomicLong(1);
    private final String namespace;
    private final String name;

    private TrainingApiServer(String namespace, String name) {
        this.namespace = namespace;
        this.name = name;
    }

    public static void main(String[] args) throws Exception {
        char[] password = args[2].toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", new TrainingApiServer(args[3], args[4])::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String receiverStatus = "/apis/hookrelay.dev/v1alpha1/namespaces/" + namespace + "/receivers/" + name + "/status";
            if (path.equals(receiverStatus) && method.equals("GET")) {
                answer(exchange, 200, receiver(version.get()));
            } else if (path.equals(receiverStatus) && method.equals("PATCH")) {
                answer(exchange, 200, receiver(version.incrementAndGet()));
            } else if (path.endsWith("/namespaces/" + namespace + "/events") && method.equals("POST")) {
                answer(exchange, 201, """
                        {"apiVersion":"v1","kind":"Event","metadata":{"name":"training.1","namespace":"%s"}}"""
                        .formatted(namespace));
            } else {
                answer(exchange, 404, """
                        {"apiVersion":"v1","kind":"Status","status":"Failure","reason":"NotFound","code":404}""");
            }
        }
    }

    /** The Receiver as the API server returns it; every PATCH counts one more event. */
    private String receiver(long resourceVersion) {
        return """
                {"apiVersion":"hookrelay.dev/v1alpha1","kind":"Receiver","metadata":{"name":"%s","namespace":"%s",\
                "uid":"00000000-0000-0000-0000-000000000001","resourceVersion":"%d","generation":1,\
                "creationTimestamp":"2026-01-01T00:00:00Z"},"spec":{"type":"github"},\
                "status":{"observedGeneration":1,"eventCount":%d}}""".formatted(name, namespace, resourceVersion,
                resourceVersion - 1);
    }

    private static void answer(HttpExchange exchange, int code, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
    }
}
