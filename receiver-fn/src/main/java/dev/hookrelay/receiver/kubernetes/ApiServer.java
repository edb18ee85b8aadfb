package dev.hookrelay.receiver.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few requests receiver-fn makes to the Kubernetes API server, on the JDK's HTTP client:
 * HTTP/1.1 over TLS with the server's certificate verified, a bearer token, JSON in and out as
 * bytes. Its one caller at a time reuses one kept-alive connection (HTTP/1.1 measured no slower
 * than HTTP/2 here, and the AOT-cache training's stand-in speaks it). It is not a general client:
 * the callers build their paths and bodies.
 */
public final class ApiServer {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    /** The server's URL without a trailing slash; it may carry a path prefix (a proxied API server). */
    private final String server;
    private final BearerToken token;
    private final Duration readTimeout;
    private final HttpClient http;

    ApiServer(ApiServerConfig config, Duration readTimeout) {
        this.server = config.server().toString();
        this.token = config.token();
        this.readTimeout = readTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .sslContext(TrustedAuthorities.tls(config.caPem()))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** @param kubeconfig a kubeconfig file, or null for the pod's ServiceAccount or the usual kubeconfig */
    public static ApiServer connect(String kubeconfig, Duration readTimeout) {
        return new ApiServer(ApiServerConfig.resolve(kubeconfig), readTimeout);
    }

    public byte[] get(String path) throws ApiCallException {
        return send(request(path).GET());
    }

    public byte[] patch(String path, String contentType, byte[] body) throws ApiCallException {
        return send(request(path).header("Content-Type", contentType).method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public byte[] post(String path, byte[] body) throws ApiCallException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server + path)).timeout(readTimeout)
                .header("Authorization", "Bearer " + token.get())
                .header("Accept", "application/json");
    }

    private byte[] send(HttpRequest.Builder request) throws ApiCallException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ApiCallException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiCallException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiCallException(response.statusCode(), response.body());
        }
        return response.body();
    }
}
