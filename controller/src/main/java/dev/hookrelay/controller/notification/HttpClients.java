package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1ProviderSpec;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.util.SSLUtils;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP clients for Providers: one shared client for every Provider without certSecretRef or
 * proxySecretRef, and one per distinct certificate and proxy configuration otherwise.
 */
@Singleton
class HttpClients {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient shared = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final Map<String, HttpClient> configured = new ConcurrentHashMap<>();

    HttpClient forProvider(Map<String, String> cert, Map<String, String> proxy, V1alpha1ProviderSpec spec) {
        if (cert.isEmpty() && proxy.isEmpty()) {
            return shared;
        }
        String key = digest(cert, proxy);
        HttpClient existing = configured.get(key);
        if (existing != null) {
            return existing;
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT);
        if (!cert.isEmpty()) {
            builder.sslContext(sslContext(cert, spec.getCertSecretRef().getName()));
        }
        if (!proxy.isEmpty()) {
            proxy(builder, proxy, spec.getProxySecretRef() == null ? "spec.proxy"
                    : "the `address` key of Secret " + spec.getProxySecretRef().getName() + " named by spec.proxySecretRef");
        }
        HttpClient client = builder.build();
        configured.put(key, client);
        return client;
    }

    private static SSLContext sslContext(Map<String, String> cert, String secret) {
        String ca = cert.getOrDefault("ca.crt", cert.get("caFile"));
        String crt = cert.getOrDefault("tls.crt", cert.get("certFile"));
        String key = cert.getOrDefault("tls.key", cert.get("keyFile"));
        if (ca == null && (crt == null || key == null)) {
            throw Problem.awaitingChange("CertificateInvalid", "Secret " + secret + " named by spec.certSecretRef needs ca.crt,"
                    + " or tls.crt and tls.key, or all three");
        }
        try {
            TrustManagerFactory trust = null;
            if (ca != null) {
                KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(ca.getBytes(StandardCharsets.UTF_8)))) {
                    trusted.setCertificateEntry("ca-" + i++, certificate);
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
            }
            KeyManagerFactory keys = null;
            if (crt != null && key != null) {
                KeyStore client = keyStore(crt, key);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(client, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw Problem.awaitingChange("CertificateInvalid", "Secret " + secret + " named by spec.certSecretRef does not hold"
                    + " PEM certificates and a key Hookrelay can read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The client certificate and its key (RSA or EC, PKCS#1 or PKCS#8 PEM) in a key store. */
    private static KeyStore keyStore(String crt, String key) throws Exception {
        byte[] certificate = crt.getBytes(StandardCharsets.UTF_8);
        byte[] privateKey = key.getBytes(StandardCharsets.UTF_8);
        try {
            return SSLUtils.createKeyStore(certificate, privateKey, "RSA", "", null, "");
        } catch (Exception notRsa) {
            return SSLUtils.createKeyStore(certificate, privateKey, "EC", "", null, "");
        }
    }

    private static void proxy(HttpClient.Builder builder, Map<String, String> proxy, String source) {
        URI address;
        try {
            address = URI.create(proxy.getOrDefault("address", ""));
        } catch (IllegalArgumentException e) {
            address = null;
        }
        if (address == null || address.getHost() == null) {
            throw Problem.awaitingChange("ProxyInvalid", source + " must be the proxy's URL, for example http://proxy:3128");
        }
        int port = address.getPort() > 0 ? address.getPort() : ("https".equals(address.getScheme()) ? 443 : 80);
        builder.proxy(ProxySelector.of(new InetSocketAddress(address.getHost(), port)));
        String username = proxy.get("username");
        String password = proxy.get("password");
        if (username != null && password != null) {
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY
                            ? new PasswordAuthentication(username, password.toCharArray()) : null;
                }
            });
        }
    }

    private static String digest(Map<String, String> cert, Map<String, String> proxy) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("cert" + new TreeMap<>(cert) + "proxy" + new TreeMap<>(proxy)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
