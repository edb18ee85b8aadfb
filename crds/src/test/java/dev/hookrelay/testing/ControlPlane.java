package dev.hookrelay.testing;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest;
import io.kubernetes.client.openapi.models.V1TokenRequestSpec;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real etcd + kube-apiserver on free loopback ports, with RBAC authorization, in a
 * temporary directory. Users authenticate with static tokens: {@value #ADMIN} is in
 * system:masters, {@value #NOBODY} has no role at all. Tests share one instance per JVM
 * through {@link #shared()}.
 */
public final class ControlPlane implements AutoCloseable {
    public static final String ADMIN = "admin";
    public static final String NOBODY = "nobody";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static ControlPlane shared;

    private final ControlPlaneAssets assets;
    private final Path workDir;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final int apiPort;
    private final ManagedProcess etcd;
    private final ManagedProcess apiServer;
    private final CrdInstaller crds;
    private ManagedProcess knativeWebhook;
    private final URI etcdHealth;
    private HttpClient probeClient;

    private ControlPlane(ControlPlaneAssets assets, Path workDir) throws IOException {
        this.assets = assets;
        this.workDir = workDir;
        int etcdPort = FreePort.pick();
        int etcdPeerPort = FreePort.pick();
        this.apiPort = FreePort.pick();
        tokens.put(ADMIN, randomToken());
        tokens.put(NOBODY, randomToken());
        Path tokenFile = workDir.resolve("tokens.csv");
        Files.writeString(tokenFile, tokens.get(ADMIN) + "," + ADMIN + "," + ADMIN + ",\"system:masters\"\n"
                + tokens.get(NOBODY) + "," + NOBODY + "," + NOBODY + "\n");
        Path serviceAccountKey = writeServiceAccountKey(workDir.resolve("sa.key"));
        String etcdUrl = "http://127.0.0.1:" + etcdPort;
        this.etcd = new ManagedProcess("etcd", List.of(
                assets.binary("etcd").toString(),
                "--data-dir=" + workDir.resolve("etcd"),
                "--listen-client-urls=" + etcdUrl,
                "--advertise-client-urls=" + etcdUrl,
                "--listen-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                "--initial-cluster=default=http://127.0.0.1:" + etcdPeerPort,
                "--unsafe-no-fsync=true",
                "--log-level=warn"), workDir.resolve("etcd.log"));
        List<String> apiServerCommand = new ArrayList<>(List.of(
                assets.binary("kube-apiserver").toString(),
                "--etcd-servers=" + etcdUrl,
                "--secure-port=" + apiPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--cert-dir=" + workDir.resolve("certs"),
                "--token-auth-file=" + tokenFile,
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                "--service-account-key-file=" + serviceAccountKey,
                "--service-account-signing-key-file=" + serviceAccountKey,
                "--service-cluster-ip-range=10.0.0.0/24",
                "--allow-privileged=true",
                "--disable-admission-plugins=ServiceAccount",
                "--profiling=false",
                "-v=1"));
        apiServerCommand.addAll(AuditTrail.apiServerFlags(workDir));
        this.apiServer = new ManagedProcess("kube-apiserver", apiServerCommand, workDir.resolve("kube-apiserver.log"));
        this.crds = new CrdInstaller(this);
        this.etcdHealth = URI.create(etcdUrl + "/health");
    }

    private void boot() {
        try {
            etcd.start();
            etcd.awaitReady(() -> probe(etcdHealth, false), START_TIMEOUT);
            startApiServer();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a new control plane; a port taken in between by someone else gets fresh ports. */
    public static ControlPlane start() {
        ControlPlaneAssets assets = ControlPlaneAssets.locate();
        ManagedProcess.ProcessFailedException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path workDir = createWorkDir();
            try {
                ControlPlane plane = new ControlPlane(assets, workDir);
                plane.boot();
                return plane;
            } catch (ManagedProcess.ProcessFailedException e) {
                if (!e.isPortClash()) {
                    throw e;
                }
                last = e;
            } catch (IOException e) {
                throw new IllegalStateException("could not prepare " + workDir + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("every free port picked was taken before the control plane bound it, "
                + START_ATTEMPTS + " times; stop other control planes or port scanners and retry", last);
    }

    /**
     * The control plane that all tests of this JVM share, with Hookrelay's CRDs and Knative
     * Serving ({@link #installKnativeServing()}) installed. It stops when the JVM exits.
     */
    public static synchronized ControlPlane shared() {
        if (shared == null) {
            ControlPlane plane = start();
            Runtime.getRuntime().addShutdownHook(new Thread(plane::close, "control-plane-stop"));
            plane.crds().installHookrelay();
            plane.installKnativeServing();
            shared = plane;
        }
        return shared;
    }

    /**
     * What the tests need of Knative Serving: its CRDs, and its admission webhooks (Knative's own
     * defaulting and validation of every Service written), without its controllers.
     */
    public void installKnativeServing() {
        crds.install(assets.crds("knative-serving"));
        knativeWebhook = KnativeServingWebhook.install(this);
    }

    public CrdInstaller crds() {
        return crds;
    }

    public ControlPlaneAssets assets() {
        return assets;
    }

    public String url() {
        return "https://127.0.0.1:" + apiPort;
    }

    public Path workDir() {
        return workDir;
    }

    /** A kubeconfig for the admin, usable by kubectl and by client-java. */
    public Path kubeconfig() {
        return kubeconfigFor(ADMIN);
    }

    public Path kubeconfigFor(String user) {
        Path file = workDir.resolve("kubeconfig-" + user);
        if (!Files.exists(file)) {
            try {
                Files.writeString(file, kubeconfigText(user, token(user)));
            } catch (IOException e) {
                throw new IllegalStateException("could not write " + file, e);
            }
        }
        return file;
    }

    /**
     * A kubeconfig that authenticates as a ServiceAccount with a real token from the
     * TokenRequest API, as a pod mounting it would: no impersonation, no extra rights.
     */
    public Path kubeconfigForServiceAccount(String namespace, String serviceAccount) {
        String user = "system:serviceaccount:" + namespace + ":" + serviceAccount;
        try {
            Path file = Files.createTempFile(workDir, "kubeconfig-sa-", "");
            Files.writeString(file, kubeconfigText(user, serviceAccountToken(namespace, serviceAccount)));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a kubeconfig for " + serviceAccount, e);
        }
    }

    /** A real token for a ServiceAccount from the TokenRequest API, valid for an hour. */
    public String serviceAccountToken(String namespace, String serviceAccount) {
        try {
            return new CoreV1Api(adminClient()).createNamespacedServiceAccountToken(serviceAccount, namespace,
                            new AuthenticationV1TokenRequest().spec(new V1TokenRequestSpec().expirationSeconds(3600L)))
                    .execute().getStatus().getToken();
        } catch (ApiException e) {
            throw new IllegalStateException("cannot get a token for " + serviceAccount + ": " + e.getResponseBody(), e);
        }
    }

    public ApiClient adminClient() {
        return clientFor(ADMIN);
    }

    public ApiClient clientFor(String user) {
        try {
            ApiClient client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(
                    new StringReader(kubeconfigText(user, token(user))))).build();
            client.setReadTimeout(0);
            return client;
        } catch (IOException e) {
            throw new IllegalStateException("could not build a client for " + user, e);
        }
    }

    /** An admin client that acts as {@code user}, as the API server's impersonation does for RBAC. */
    public ApiClient impersonating(String user) {
        ApiClient client = adminClient();
        client.addDefaultHeader("Impersonate-User", user);
        return client;
    }

    public void stopApiServer() {
        apiServer.stop();
    }

    /** Starts (again) the API server on the same port, with the same certificates and data. */
    public void startApiServer() {
        apiServer.start();
        apiServer.awaitReady(() -> Files.exists(servingCert()) && probe(URI.create(url() + "/readyz"), true),
                START_TIMEOUT);
    }

    @Override
    public synchronized void close() {
        if (knativeWebhook != null) {
            knativeWebhook.stop();
        }
        apiServer.stop();
        etcd.stop();
        deleteRecursively(workDir);
    }

    private static void deleteRecursively(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary directory left behind is harmless
        }
    }

    private String token(String user) {
        String token = tokens.get(user);
        if (token == null) {
            throw new IllegalArgumentException("no such user " + user + "; known: " + tokens.keySet());
        }
        return token;
    }

    private String kubeconfigText(String user, String token) {
        String ca;
        try {
            ca = Base64.getEncoder().encodeToString(Files.readAllBytes(servingCert()));
        } catch (IOException e) {
            throw new IllegalStateException("the API server has not written its certificate yet", e);
        }
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: hookrelay-test
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: %s@hookrelay-test
                  context:
                    cluster: hookrelay-test
                    user: %s
                current-context: %s@hookrelay-test
                """.formatted(url(), ca, user, token, user, user, user);
    }

    private Path servingCert() {
        return workDir.resolve("certs").resolve("apiserver.crt");
    }

    private boolean probe(URI uri, boolean authenticated) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2));
            if (authenticated) {
                request.header("Authorization", "Bearer " + tokens.get(ADMIN));
            }
            HttpResponse<Void> response = probeClient(authenticated)
                    .send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpClient probeClient(boolean tls) {
        if (!tls) {
            return HttpClient.newHttpClient();
        }
        if (probeClient == null) {
            probeClient = HttpClient.newBuilder().sslContext(trusting(servingCert())).build();
        }
        return probeClient;
    }

    private static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            List<Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
            for (int i = 0; i < certs.size(); i++) {
                store.setCertificateEntry("cert-" + i, certs.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + pem + ": " + e.getMessage(), e);
        }
    }

    private static Path writeServiceAccountKey(Path file) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n";
            return Files.writeString(file, pem);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("hookrelay-controlplane-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a temporary directory: " + e.getMessage(), e);
        }
    }


    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
