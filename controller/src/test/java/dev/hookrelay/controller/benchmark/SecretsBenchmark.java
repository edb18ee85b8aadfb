package dev.hookrelay.controller.benchmark;

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
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * What Secrets that are not Hookrelay's cost the controller. One control plane, Receivers all
 * Ready, the controller (its own process, the image's JVM flags, watching every namespace) is
 * measured twice in the same run: with no other Secret in the cluster, then after 5,000
 * unrelated Secrets of 64 KiB each were created in another namespace. Prints heap after a full
 * GC and RSS, once its caches are in and its work is done, and their ratio.
 */
public final class SecretsBenchmark {
    private static final int RECEIVERS = 50;
    private static final int SECRETS = Integer.getInteger("benchmark.secrets", 5000);
    private static final int SECRET_BYTES = Integer.getInteger("benchmark.secretBytes", 64 * 1024);
    private static final String CONTROLLER_JVM_ARGS = System.getProperty("benchmark.controllerJvmArgs",
            "-XX:MaxRAM=512m -XX:TieredStopAtLevel=1 -Xss512k");
    private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(3);
    /** Reconciles that the first sync starts are done by then; the same wait in both runs. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private SecretsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (ControlPlane plane = ControlPlane.start()) {
            plane.crds().installHookrelay();
            plane.crds().install(plane.assets().crds("knative-serving"));
            TestNamespace namespace = TestNamespace.create(plane, "benchmark");
            Cluster cluster = new Cluster(plane, namespace.name());
            provisionReceivers(plane, cluster, namespace);

            Measured without = measure(plane, cluster, "controller-without.log");
            long createMillis = createUnrelatedSecrets(plane.adminClient(), TestNamespace.create(plane, "unrelated").name());
            Measured with = measure(plane, cluster, "controller-with.log");

            System.out.printf("""

                    Hookrelay controller memory and unrelated Secrets: %d Receivers, controller JVM args %s,
                    watching every namespace; %,d Secrets of %,d bytes created in another namespace in %,d ms
                      %-30s %-12s %-20s %-16s %s
                      %-30s %-12s %,6d MB %12s %,6d MB %8s %,6d MB
                      %-30s %-12s %,6d MB %12s %,6d MB %8s %,6d MB
                      %-30s %-12s %6.2f× %37s %6.2f×
                    """, RECEIVERS, CONTROLLER_JVM_ARGS, SECRETS, SECRET_BYTES, createMillis,
                    "", "caches in", "heap live after GC", "heap before GC", "RSS",
                    "no other Secret", without.synced(), without.memory().heapLive(), "",
                    without.memory().heapBefore(), "", without.memory().rss(),
                    String.format("%,d unrelated Secrets", SECRETS), with.synced(), with.memory().heapLive(), "",
                    with.memory().heapBefore(), "", with.memory().rss(),
                    "ratio (with / without)", "", with.memory().heapLive() / (double) without.memory().heapLive(), "",
                    with.memory().rss() / (double) without.memory().rss());
        }
        System.exit(0);
    }

    /** Receivers made Ready by a first controller, so that both measured runs find the same converged state. */
    private static void provisionReceivers(ControlPlane plane, Cluster cluster, TestNamespace namespace) throws Exception {
        ApiClient admin = plane.adminClient();
        SharedInformerFactory informers = new SharedInformerFactory(admin);
        SharedIndexInformer<DynamicKubernetesObject> services = informers.sharedIndexInformerFor(new GenericKubernetesApi<>(
                DynamicKubernetesObject.class, DynamicKubernetesListObject.class, "serving.knative.dev", "v1", "services",
                admin), DynamicKubernetesObject.class, 0, namespace.name());
        ExecutorService knative = Executors.newFixedThreadPool(2);
        services.addEventHandler(new PlayKnative(cluster, knative));
        informers.startAllRegisteredInformers();
        GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers = new GenericKubernetesApi<>(
                V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP, HookrelayApi.VERSION,
                HookrelayApi.RECEIVERS, admin);
        try (ControllerProcess controller = ControllerProcess.start(plane, namespace.name(), CONTROLLER_JVM_ARGS,
                "controller-provisioning.log")) {
            controller.awaitLeader(cluster);
            IntStream.range(0, RECEIVERS).forEach(i -> cluster.createReceiver("receiver-" + i,
                    new V1alpha1ReceiverSpec().type("github").events(List.of("push"))));
            long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
            while (ready(receivers, namespace.name()) < RECEIVERS) {
                if (System.nanoTime() > deadline || !controller.isAlive()) {
                    throw new IllegalStateException("Receivers not Ready in time; see the provisioning controller's log");
                }
                Thread.sleep(200);
            }
        } finally {
            knative.shutdown();
            informers.stopAllRegisteredInformers();
        }
    }

    private static Measured measure(ControlPlane plane, Cluster cluster, String logName) throws Exception {
        try (ControllerProcess controller = ControllerProcess.start(plane, cluster.namespace(), CONTROLLER_JVM_ARGS,
                logName)) {
            long start = System.nanoTime();
            boolean synced = controller.awaitLog("receiver: caches in", SYNC_TIMEOUT);
            String syncedAfter = synced ? Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms" : "never";
            if (synced) {
                Thread.sleep(SETTLE.toMillis());
            }
            if (!controller.isAlive()) {
                throw new IllegalStateException("the controller exited; see " + logName);
            }
            return new Measured(syncedAfter, controller.memory());
        }
    }

    private static long createUnrelatedSecrets(ApiClient admin, String namespace) throws Exception {
        CoreV1Api core = new CoreV1Api(admin);
        byte[] payload = new byte[SECRET_BYTES];
        new Random(42).nextBytes(payload);
        long start = System.nanoTime();
        ExecutorService creators = Executors.newFixedThreadPool(4);
        List<Future<V1Secret>> created = IntStream.range(0, SECRETS)
                .mapToObj(i -> creators.submit(() -> core.createNamespacedSecret(namespace, new V1Secret()
                        .metadata(new V1ObjectMeta().name("unrelated-" + i)).data(Map.of("blob", payload))).execute()))
                .toList();
        for (Future<V1Secret> secret : created) {
            secret.get();
        }
        creators.shutdown();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static long ready(GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers, String namespace)
            throws ApiException {
        return receivers.list(namespace).throwsApiException().getObject().getItems().stream()
                .filter(r -> r.getStatus() != null && r.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
                .count();
    }

    private record Measured(String synced, ControllerProcess.Memory memory) {
    }
}
