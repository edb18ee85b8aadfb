package dev.hookrelay.controller.benchmark;

import com.google.gson.JsonParser;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Creates many Receivers on a fresh control plane with Knative's CRDs, runs the controller as
 * its own process (as a pod would), plays Knative by marking each Knative Service ready as it
 * appears, and prints: time until every Receiver is Ready, API writes per Receiver (from the
 * API server's own request counters), and the controller's heap and RSS.
 */
public final class ReceiverBenchmark {
    private static final int RECEIVERS = Integer.getInteger("benchmark.receivers", 1000);
    private static final String CONTROLLER_JVM_ARGS = System.getProperty("benchmark.controllerJvmArgs", "-XX:MaxRAM=512m -XX:TieredStopAtLevel=1 -Xss512k");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ReceiverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            plane.crds().install(plane.assets().crds("knative-serving"));
            TestNamespace namespace = TestNamespace.create(plane, "benchmark");
            try (ControllerProcess controller = ControllerProcess.start(plane, namespace.name(), CONTROLLER_JVM_ARGS,
                    "controller.log")) {
                run(plane, namespace, controller);
            }
        }
        System.exit(0);
    }

    private static void run(ControlPlane plane, TestNamespace namespace, ControllerProcess controller) throws Exception {
        ApiClient admin = plane.adminClient();
        Cluster cluster = new Cluster(plane, namespace.name());
        SharedInformerFactory informers = new SharedInformerFactory(admin);
        SharedIndexInformer<V1alpha1Receiver> receivers = informers.sharedIndexInformerFor(new GenericKubernetesApi<>(
                V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP, HookrelayApi.VERSION,
                HookrelayApi.RECEIVERS, admin), V1alpha1Receiver.class, 0, namespace.name());
        SharedIndexInformer<DynamicKubernetesObject> services = informers.sharedIndexInformerFor(new GenericKubernetesApi<>(
                DynamicKubernetesObject.class, DynamicKubernetesListObject.class, "serving.knative.dev", "v1", "services",
                admin), DynamicKubernetesObject.class, 0, namespace.name());
        ExecutorService knative = Executors.newFixedThreadPool(2);
        services.addEventHandler(new PlayKnative(cluster, knative));
        informers.startAllRegisteredInformers();
        controller.awaitLeader(cluster);

        ApiWrites writesBefore = ApiWrites.scrape(admin);
        long start = System.nanoTime();
        ExecutorService creators = Executors.newFixedThreadPool(4);
        IntStream.range(0, RECEIVERS).forEach(i -> creators.submit(() -> cluster.createReceiver(
                "receiver-" + i, new V1alpha1ReceiverSpec().type("github").events(List.of("push")))));
        creators.shutdown();
        creators.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long created = System.nanoTime();
        long deadline = start + TIMEOUT.toNanos();
        while (readyCount(receivers) < RECEIVERS) {
            if (System.nanoTime() > deadline || !controller.isAlive()) {
                throw new IllegalStateException(readyCount(receivers) + " of " + RECEIVERS + " Ready; controller alive: "
                        + controller.isAlive());
            }
            Thread.sleep(20);
        }
        long allReady = System.nanoTime();
        ApiWrites writes = ApiWrites.scrape(admin).minus(writesBefore).byController();
        knative.shutdown();
        informers.stopAllRegisteredInformers();

        ControllerProcess.Memory memory = controller.memory();
        String receiverJson = receiverJson(admin, namespace.name(), "receiver-0");
        int managedFieldsBytes = JsonParser.parseString(receiverJson).getAsJsonObject()
                .getAsJsonObject("metadata").get("managedFields").toString().length();
        System.out.printf("""

                Hookrelay controller benchmark: %d Receivers (JVM args of the controller: %s)
                  created in                      %,d ms
                  all Ready after                 %,d ms (from the first create)
                  API writes per Receiver         %.2f (%d in all: %s)
                  one Ready Receiver as JSON      %,d bytes (managedFields %,d of them)
                  controller heap used            %s
                  controller RSS                  %,d MB
                """, RECEIVERS, CONTROLLER_JVM_ARGS, millis(created - start), millis(allReady - start),
                writes.total() / (double) RECEIVERS, writes.total(), writes, receiverJson.length(), managedFieldsBytes, memory.heap(),
                memory.rss());
    }

    /** The size of what the API server stores and serves for a Receiver: what every status write copies. */
    private static String receiverJson(ApiClient admin, String namespace, String name) throws Exception {
        String path = "/apis/" + HookrelayApi.GROUP + "/" + HookrelayApi.VERSION + "/namespaces/" + namespace + "/"
                + HookrelayApi.RECEIVERS + "/" + name;
        Call call = admin.buildCall(null, path, "GET", List.of(), List.of(), null, new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            return response.body().string();
        }
    }

    private static long readyCount(SharedIndexInformer<V1alpha1Receiver> receivers) {
        return receivers.getIndexer().list().stream()
                .filter(r -> r.getStatus() != null && r.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .count();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
