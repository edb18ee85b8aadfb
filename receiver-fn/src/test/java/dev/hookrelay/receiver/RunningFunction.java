package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.FreePort;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A Receiver on the real control plane and its function, with exactly the credentials the
 * controller gives it: a ServiceAccount token bound to {@link FunctionAccess}'s Role. The function
 * runs in this JVM (receiver-fn's own tests, which look at its beans) or, for other modules, as its
 * own process from the packaged jar, as the image runs it.
 */
public final class RunningFunction implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final ControlPlane plane;
    final String namespace;
    final String name;
    public final String token;
    final String webhookPath;
    final int port;
    private final int metricsPort;
    private final AutoCloseable stop;
    @Nullable
    private final ApplicationContext context;

    private RunningFunction(Launch launch, int port, int metricsPort, AutoCloseable stop,
                            @Nullable ApplicationContext context) {
        this.plane = launch.plane;
        this.namespace = launch.namespace;
        this.name = launch.name;
        this.token = launch.token;
        this.webhookPath = launch.webhookPath;
        this.port = port;
        this.metricsPort = metricsPort;
        this.stop = stop;
        this.context = context;
    }

    /** The path this function serves its webhook on. */
    public String webhookPath() {
        return webhookPath;
    }

    public static RunningFunction start(ControlPlane plane, String namespace, String name, V1alpha1ReceiverSpec spec) {
        return start(plane, namespace, name, spec, Map.of());
    }

    static RunningFunction start(ControlPlane plane, String namespace, String name, V1alpha1ReceiverSpec spec,
                                 Map<String, Object> extraProperties) {
        return start(plane, namespace, name, spec, extraProperties, UnaryOperator.identity());
    }

    /** @param route turns the function's kubeconfig into the one it uses, for example through a proxy */
    static RunningFunction start(ControlPlane plane, String namespace, String name, V1alpha1ReceiverSpec spec,
                                 Map<String, Object> extraProperties, UnaryOperator<Path> route) {
        Launch launch = Launch.prepare(plane, namespace, name, spec, route);
        Map<String, Object> properties = new HashMap<>(launch.properties);
        properties.put("micronaut.server.port", -1);
        properties.put("hookrelay.metrics.port", FreePort.pick());
        properties.putAll(extraProperties);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        ApplicationContext context = server.getApplicationContext();
        return new RunningFunction(launch, server.getPort(),
                context.getRequiredProperty("hookrelay.metrics.port", Integer.class), context, context);
    }

    /** The function as its own process, from the jar receiver-fn packages, once it answers /health. */
    public static RunningFunction startProcess(ControlPlane plane, String namespace, String name,
                                               V1alpha1ReceiverSpec spec) {
        return startProcess(plane, namespace, name, spec, env -> FunctionProcess.startPackaged(name, env));
    }

    /** The same on the JVM the image runs, for benchmarks. */
    public static RunningFunction startProcess(ControlPlane plane, String namespace, String name,
                                               V1alpha1ReceiverSpec spec, ShippedJvm jvm) {
        return startProcess(plane, namespace, name, spec, env -> FunctionProcess.startPackaged(name, env, jvm));
    }

    private static RunningFunction startProcess(ControlPlane plane, String namespace, String name,
                                                V1alpha1ReceiverSpec spec,
                                                Function<Map<String, String>, FunctionProcess> start) {
        Launch launch = Launch.prepare(plane, namespace, name, spec, UnaryOperator.identity());
        Map<String, String> env = new HashMap<>();
        launch.properties.forEach((property, value) ->
                env.put(property.toUpperCase(Locale.ROOT).replace('.', '_'), value.toString()));
        FunctionProcess function = start.apply(env);
        return new RunningFunction(launch, function.port, function.metricsPort, function, null);
    }

    /** What the controller would give the Receiver's function: its Receiver, credentials, token and path. */
    private record Launch(ControlPlane plane, String namespace, String name, String token, String webhookPath,
                          Map<String, Object> properties) {

        static Launch prepare(ControlPlane plane, String namespace, String name, V1alpha1ReceiverSpec spec,
                              UnaryOperator<Path> route) {
            try {
                receivers(plane.adminClient()).create(new V1alpha1Receiver()
                        .metadata(new V1ObjectMeta().name(name).namespace(namespace)).spec(spec)).throwsApiException();
                grantFunctionAccess(plane.adminClient(), name, namespace);
                String token = randomToken();
                Path tokenFile = Files.createTempFile("hookrelay-token-", "");
                Files.writeString(tokenFile, token);
                Map<String, Object> properties = new HashMap<>(Map.of(
                        "hookrelay.receiver.name", name,
                        "hookrelay.receiver.namespace", namespace,
                        "hookrelay.receiver.type", spec.getType(),
                        "hookrelay.receiver.events", String.join(",", spec.getEvents()),
                        "hookrelay.token.file", tokenFile.toString(),
                        "hookrelay.kubeconfig",
                        route.apply(plane.kubeconfigForServiceAccount(namespace, FunctionAccess.name(name))).toString()));
                // as the controller does: a path of its own for providers that sign, none for the others
                String webhookPath = FunctionContract.webhookPath(token, name, namespace);
                if (!FunctionContract.isUnsigned(spec.getType())) {
                    webhookPath = FunctionContract.HOOK_PATH_PREFIX + randomToken();
                    properties.put("hookrelay.webhook.path", webhookPath);
                }
                return new Launch(plane, namespace, name, token, webhookPath, properties);
            } catch (ApiException e) {
                throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static void grantFunctionAccess(ApiClient admin, String receiver, String namespace) throws ApiException {
        new CoreV1Api(admin).createNamespacedServiceAccount(namespace,
                FunctionAccess.serviceAccount(receiver, namespace)).execute();
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(admin);
        rbac.createNamespacedRole(namespace, FunctionAccess.role(receiver, namespace)).execute();
        rbac.createNamespacedRoleBinding(namespace, FunctionAccess.roleBinding(receiver, namespace)).execute();
    }

    static GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers(ApiClient client) {
        return new GenericKubernetesApi<>(V1alpha1Receiver.class, V1alpha1ReceiverList.class,
                HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RECEIVERS, client);
    }

    /** The Receiver as an admin reads it. */
    public V1alpha1Receiver receiver() {
        try {
            return receivers(plane.adminClient()).get(namespace, name).throwsApiException().getObject();
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
    }

    public long eventCount() {
        V1alpha1Receiver receiver = receiver();
        return receiver.getStatus() == null ? 0 : receiver.getStatus().getEventCount();
    }

    /** Where the function listens, as a Knative Service's status.url would name it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The sum of a metric's samples in /metrics, for example hookrelay_status_writes_total. */
    public double scrape(String metric) {
        return FunctionProcess.scrape(metricsUri("/metrics"), metric);
    }

    /** On the port that serves only metrics, which Knative does not route. */
    URI metricsUri(String path) {
        return URI.create("http://127.0.0.1:" + metricsPort + path);
    }

    HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> post(Map<String, String> headers, byte[] body) {
        return post(webhookPath, headers, body);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> T bean(Class<T> type) {
        if (context == null) {
            throw new IllegalStateException("a function process shares no beans with this JVM; read its metrics");
        }
        return context.getBean(type);
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the function", e);
        }
    }

    public static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
