package dev.hookrelay.receiver.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Where the API server is, which certificate authority vouches for it, and the bearer token to
 * present: in a pod, the mounted ServiceAccount's; elsewhere, a kubeconfig's current context.
 *
 * @param caPem the certificate authority's PEM, or null to trust the JDK's default authorities
 */
record ApiServerConfig(URI server, byte[] caPem, BearerToken token) {
    private static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /**
     * The kubeconfig named, if any; else in a pod the ServiceAccount; else KUBECONFIG or
     * ~/.kube/config.
     */
    static ApiServerConfig resolve(String kubeconfig) {
        if (kubeconfig != null) {
            return fromKubeconfig(Path.of(kubeconfig));
        }
        String host = System.getenv("KUBERNETES_SERVICE_HOST");
        if (host != null && Files.exists(SERVICE_ACCOUNT.resolve("token"))) {
            return inCluster(host, System.getenv().getOrDefault("KUBERNETES_SERVICE_PORT", "443"), SERVICE_ACCOUNT);
        }
        String fromEnv = System.getenv("KUBECONFIG");
        return fromKubeconfig(fromEnv != null && !fromEnv.isBlank()
                ? Path.of(fromEnv.split(java.io.File.pathSeparator)[0])
                : Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    static ApiServerConfig inCluster(String host, String port, Path serviceAccount) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return new ApiServerConfig(URI.create("https://" + authority + ":" + port), readAll(serviceAccount.resolve("ca.crt")),
                BearerToken.fromFile(serviceAccount.resolve("token")));
    }

    /** The current context's cluster and user; the user must authenticate with a bearer token. */
    static ApiServerConfig fromKubeconfig(Path file) {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(file)) {
            config = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kubeconfig " + file, e);
        }
        Map<String, Object> context = named(config, "contexts", text(config, "current-context", file), "context", file);
        Map<String, Object> cluster = named(config, "clusters", text(context, "cluster", file), "cluster", file);
        Map<String, Object> user = named(config, "users", text(context, "user", file), "user", file);
        if (Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify"))) {
            throw new IllegalArgumentException("the kubeconfig " + file + " turns TLS verification off; "
                    + "receiver-fn always verifies the API server: give it certificate-authority(-data) instead");
        }
        byte[] ca = cluster.get("certificate-authority-data") instanceof String data ? Base64.getMimeDecoder().decode(data)
                : cluster.get("certificate-authority") instanceof String path ? readAll(relativeTo(file, path))
                : null;
        BearerToken token = user.get("token") instanceof String value ? BearerToken.fixed(value)
                : user.get("tokenFile") instanceof String path ? BearerToken.fromFile(relativeTo(file, path))
                : null;
        if (token == null) {
            throw new IllegalArgumentException("the kubeconfig " + file + " gives its current user no token or tokenFile; "
                    + "receiver-fn authenticates with a bearer token (its ServiceAccount's)");
        }
        return new ApiServerConfig(URI.create(text(cluster, "server", file).replaceAll("/+$", "")), ca, token);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> named(Map<String, Object> config, String list, String name, String entry, Path file) {
        if (config.get(list) instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && name.equals(map.get("name")) && map.get(entry) instanceof Map<?, ?> found) {
                    return (Map<String, Object>) found;
                }
            }
        }
        throw new IllegalArgumentException("the kubeconfig " + file + " has no " + entry + " named " + name + " in " + list);
    }

    private static String text(Map<String, Object> map, String key, Path file) {
        if (map.get(key) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException("the kubeconfig " + file + " has no " + key);
    }

    private static Path relativeTo(Path kubeconfig, String path) {
        Path dir = kubeconfig.toAbsolutePath().getParent();
        return dir == null ? Path.of(path) : dir.resolve(path);
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public String toString() {
        return "API server " + server + ", " + token;
    }
}
