package dev.hookrelay.receiver.kubernetes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The few requests receiver-fn makes to the Kubernetes API server, on the JDK's HTTP client:
 * HTTP/1.1 over TLS with the server's certificate verified, one kept-alive connection per
 * concurrent caller, a bearer token, JSON in and out as bytes. It is not a general client: the
 * callers build their paths and bodies.
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
                .sslContext(tls(config.caPem()))
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

    /** Trusts the given certificate authorities only, or the JDK's defaults when none is given. */
    private static SSLContext tls(byte[] caPem) {
        try {
            if (caPem == null) {
                return SSLContext.getDefault();
            }
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(caPem))) {
                trusted.setCertificateEntry("ca-" + i++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the API server's certificate authority: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return server;
    }
}
