package dev.hookrelay.receiver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.hookrelay.api.HookrelayApi;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.PatchUtils;
import dev.hookrelay.receiver.kubernetes.ApiServer;
import dev.hookrelay.receiver.kubernetes.TrustedAuthorities;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the function's three kinds of API calls cost in a fresh JVM: with the function's own
 * client ({@link ApiServer}: the JDK's HTTP client over HTTP/1.1), with the JDK's client over
 * HTTP/2, or with client-java (what the function used before): set-up, the first GET of the
 * status (TCP, TLS handshake, request), a second GET, a merge PATCH of the status, and creating
 * an Event. Prints one line of milliseconds.
 *   java -cp ... ApiClientStartup function|jdk-http2|client-java KUBECONFIG NAMESPACE NAME
 */
public final class ApiClientStartup {
    private ApiClientStartup() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Path kubeconfig = Path.of(args[1]);
        String namespace = args[2];
        String name = args[3];
        Calls calls = switch (args[0]) {
            case "function" -> new FunctionCalls(kubeconfig, namespace, name);
            case "jdk-http2" -> new JdkCalls(kubeconfig, namespace, name);
            default -> new ClientJavaCalls(kubeconfig, namespace, name);
        };
        long setUp = System.nanoTime();
        calls.getStatus();
        long firstGet = System.nanoTime();
        calls.getStatus();
        long secondGet = System.nanoTime();
        calls.patchStatus();
        long patch = System.nanoTime();
        calls.createEvent();
        long event = System.nanoTime();
        System.out.printf("RESULT setup=%.1f firstGet=%.1f secondGet=%.1f patch=%.1f event=%.1f%n",
                (setUp - start) / 1e6, (firstGet - setUp) / 1e6, (secondGet - firstGet) / 1e6,
                (patch - secondGet) / 1e6, (event - patch) / 1e6);
        System.exit(0);
    }

    private interface Calls {
        void getStatus() throws Exception;

        void patchStatus() throws Exception;

        void createEvent() throws Exception;
    }

    /** The function's own client, as the function builds it. */
    private static final class FunctionCalls implements Calls {
        private final ApiServer api;
        private final String events;
        private final String status;
        private final String event;

        FunctionCalls(Path kubeconfig, String namespace, String name) {
            this.api = ApiServer.connect(kubeconfig.toString(), Duration.ofSeconds(10));
            this.status = "/apis/" + HookrelayApi.GROUP + "/" + HookrelayApi.VERSION + "/namespaces/" + namespace + "/"
                    + HookrelayApi.RECEIVERS + "/" + name + "/status";
            this.events = "/api/v1/namespaces/" + namespace + "/events";
            this.event = JdkCalls.event(namespace, name);
        }

        @Override
        public void getStatus() throws Exception {
            JdkCalls.readResourceVersion(api.get(status));
        }

        @Override
        public void patchStatus() throws Exception {
            api.patch(status, "application/merge-patch+json", "{\"status\":{\"eventCount\":1}}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void createEvent() throws Exception {
            api.post(events, event.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** client-java 22 as the function built it before: ClientBuilder from the kubeconfig, OkHttp timeouts. */
    private static final class ClientJavaCalls implements Calls {
        private final ApiClient client;
        private final CustomObjectsApi api;
        private final String namespace;
        private final String name;

        ClientJavaCalls(Path kubeconfig, String namespace, String name) throws Exception {
            try (var reader = Files.newBufferedReader(kubeconfig)) {
                this.client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
            }
            client.setHttpClient(client.getHttpClient().newBuilder().connectTimeout(Duration.ofSeconds(2))
                    .readTimeout(Duration.ofSeconds(10)).build());
            this.api = new CustomObjectsApi(client);
            this.namespace = namespace;
            this.name = name;
        }

        @Override
        public void getStatus() throws Exception {
            api.getNamespacedCustomObjectStatus(HookrelayApi.GROUP, HookrelayApi.VERSION, namespace,
                    HookrelayApi.RECEIVERS, name).execute();
        }

        @Override
        public void patchStatus() throws Exception {
            PatchUtils.patch(Object.class, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                    HookrelayApi.VERSION, namespace, HookrelayApi.RECEIVERS, name,
                    new V1Patch("{\"status\":{\"eventCount\":1}}")).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
        }

        @Override
        public void createEvent() throws Exception {
            new CoreV1Api(client).createNamespacedEvent(namespace, new CoreV1Event()
                    .metadata(new V1ObjectMeta().generateName(name + ".").namespace(namespace))
                    .involvedObject(new V1ObjectReference().kind("Receiver").name(name).namespace(namespace))
                    .reason("Probe").message("probe").type("Normal")).execute();
        }
    }

    /** The JDK's HTTP client over HTTP/2: the bearer token and CA of the kubeconfig, JSON read by streaming. */
    private static final class JdkCalls implements Calls {
        private final HttpClient http;
        private final String server;
        private final String token;
        private final String namespace;
        private final String name;

        JdkCalls(Path kubeconfig, String namespace, String name) throws Exception {
            String text = Files.readString(kubeconfig);
            this.server = field(text, "server: (\\S+)");
            this.token = field(text, "token: (\\S+)");
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10))
                    .sslContext(TrustedAuthorities.tls(Base64.getDecoder().decode(field(text, "certificate-authority-data: (\\S+)"))))
                    .build();
            this.namespace = namespace;
            this.name = name;
        }

        @Override
        public void getStatus() throws Exception {
            readResourceVersion(send(request(statusPath()).GET()));
        }

        static void readResourceVersion(byte[] body) throws Exception {
            try (JsonParser parser = new JsonFactory().createParser(body)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME && "resourceVersion".equals(parser.currentName())) {
                        parser.nextToken();
                        parser.getText();
                    }
                }
            }
        }

        @Override
        public void patchStatus() throws Exception {
            send(request(statusPath()).header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":{\"eventCount\":1}}")));
        }

        @Override
        public void createEvent() throws Exception {
            send(request("/api/v1/namespaces/" + namespace + "/events").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(event(namespace, name))));
        }

        static String event(String namespace, String name) {
            return """
                    {"metadata":{"generateName":"%s.","namespace":"%s"},"involvedObject":{"kind":"Receiver",\
                    "name":"%s","namespace":"%s"},"reason":"Probe","message":"probe","type":"Normal"}"""
                    .formatted(name, namespace, name, namespace);
        }

        private String statusPath() {
            return "/apis/" + HookrelayApi.GROUP + "/" + HookrelayApi.VERSION + "/namespaces/" + namespace + "/"
                    + HookrelayApi.RECEIVERS + "/" + name + "/status";
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        }

        private byte[] send(HttpRequest.Builder request) throws Exception {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("API server answered " + response.statusCode());
            }
            return response.body();
        }

        private static String field(String text, String regex) {
            Matcher m = Pattern.compile(regex).matcher(text);
            if (!m.find()) {
                throw new IllegalStateException("no " + regex + " in the kubeconfig");
            }
            return m.group(1);
        }
    }
}
