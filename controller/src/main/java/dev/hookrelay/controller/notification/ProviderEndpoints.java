package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Provider;
import dev.hookrelay.api.V1alpha1ProviderSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.api.filter.EventFilter;
import dev.hookrelay.api.filter.FilterException;
import dev.hookrelay.controller.filter.CompiledFilters;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Secret;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads a Provider's Secrets and sinkRef into a {@link ProviderEndpoint}, or says what is
 * missing. The Provider reconciler shows the answer in Ready; the dispatcher sends with it.
 * Secrets are read by name, never watched: the controller caches no Secret that is not its own.
 */
@Singleton
class ProviderEndpoints {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    /** How long a resolved sinkRef URL is used before the sink is read again. */
    private static final Duration REUSE = Duration.ofMinutes(1);

    private final CoreV1Api core;
    private final CompiledFilters expressions;
    private final Sinks sinks;
    private final HttpClients clients;
    private final Map<String, Resolved> resolved = new ConcurrentHashMap<>();

    ProviderEndpoints(ApiClient client, CompiledFilters expressions, Sinks sinks, HttpClients clients) {
        this.core = new CoreV1Api(client);
        this.expressions = expressions;
        this.sinks = sinks;
        this.clients = clients;
    }

    /**
     * The endpoint as last resolved, while the Provider did not change and for at most a minute
     * (so a changed Secret is read within a minute); resolved again otherwise.
     */
    ProviderEndpoint current(V1alpha1Provider provider) {
        String version = provider.getMetadata().getResourceVersion();
        Resolved last = resolved.get(provider.getMetadata().getUid());
        if (last != null && last.version().equals(version) && Instant.now().isBefore(last.at().plus(REUSE))) {
            return last.endpoint();
        }
        ProviderEndpoint endpoint = resolve(provider);
        resolved.put(provider.getMetadata().getUid(), new Resolved(version, Instant.now(), endpoint));
        return endpoint;
    }

    void forget(String uid) {
        resolved.remove(uid);
    }

    ProviderEndpoint resolve(V1alpha1Provider provider) {
        V1alpha1ProviderSpec spec = provider.getSpec();
        String namespace = provider.getMetadata().getNamespace();
        Map<String, String> secret = data(namespace, spec.getSecretRef(), "secretRef");
        String address = secret.getOrDefault("address", spec.getAddress());
        if (spec.getSinkRef() != null) {
            address = sinks.url(spec.getSinkRef(), namespace);
        }
        Map<String, String> headers = headers(secret.get("headers"), spec.getSecretRef());
        Map<String, String> cert = data(namespace, spec.getCertSecretRef(), "certSecretRef");
        Map<String, String> proxy = spec.getProxySecretRef() == null && spec.getProxy() != null
                ? Map.of("address", spec.getProxy()) : data(namespace, spec.getProxySecretRef(), "proxySecretRef");
        return new ProviderEndpoint(namespace, provider.getMetadata().getName(), provider.getMetadata().getUid(),
                spec.getType(), address, spec.getChannel(), secret.getOrDefault("username", spec.getUsername()),
                secret.get("token"), secret.get("password"), headers, timeout(spec.getTimeout()),
                commitStatusKey(spec.getCommitStatusExpr()), clients.forProvider(cert, proxy, spec));
    }

    private EventFilter commitStatusKey(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return expressions.commitStatusKey(expression);
        } catch (FilterException e) {
            throw Problem.awaitingChange("InvalidCommitStatusExpr", "spec.commitStatusExpr does not compile: " + e.getMessage());
        }
    }



    private record Resolved(String version, Instant at, ProviderEndpoint endpoint) {
    }

    private Map<String, String> data(String namespace, V1alpha1SecretRef ref, String field) {
        if (ref == null) {
            return Map.of();
        }
        V1Secret secret = read(namespace, ref.getName());
        if (secret == null) {
            throw Problem.awaitingChange("SecretNotFound", "Secret " + namespace + "/" + ref.getName() + " named by spec." + field
                    + " does not exist; create it or fix the reference");
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData().forEach((key, value) -> data.put(key, new String(value, StandardCharsets.UTF_8).strip()));
        }
        return data;
    }

    private V1Secret read(String namespace, String name) {
        try {
            return core.readNamespacedSecret(name, namespace).execute();
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return null;
            }
            throw Problem.awaitingChange("SecretUnreadable", "Secret " + namespace + "/" + name
                    + " could not be read (the API server answered " + e.getCode() + "); retrying");
        }
    }

    private static Map<String, String> headers(String yaml, V1alpha1SecretRef ref) {
        if (yaml == null || yaml.isBlank()) {
            return Map.of();
        }
        try {
            Object parsed = new Yaml().load(yaml);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("not a map");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            map.forEach((key, value) -> headers.put(String.valueOf(key), String.valueOf(value)));
            return headers;
        } catch (RuntimeException e) {
            throw Problem.awaitingChange("HeadersInvalid", "the `headers` key of Secret " + ref.getName()
                    + " is not a YAML map of header names to values");
        }
    }

    private static Duration timeout(String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Duration total = Duration.ZERO;
        var matcher = java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m)").matcher(value);
        while (matcher.find()) {
            double amount = Double.parseDouble(matcher.group(1));
            long millis = switch (matcher.group(2)) {
                case "ms" -> (long) amount;
                case "s" -> (long) (amount * 1000);
                default -> (long) (amount * 60_000);
            };
            total = total.plusMillis(millis);
        }
        return total.isZero() ? DEFAULT_TIMEOUT : total;
    }
}
