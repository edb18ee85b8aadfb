package dev.hookrelay.controller.benchmark;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
            Process controller = startController(plane, namespace);
            try {
                run(plane, namespace, controller);
            } finally {
                controller.destroy();
                if (!controller.waitFor(10, TimeUnit.SECONDS)) {
                    controller.destroyForcibly();
                }
            }
        }
        System.exit(0);
    }

    private static void run(ControlPlane plane, TestNamespace namespace, Process controller) throws Exception {
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
        awaitLeader(cluster);

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

        ControllerMemory memory = ControllerMemory.of(controller.pid());
        System.out.printf("""

                Hookrelay controller benchmark: %d Receivers (JVM args of the controller: %s)
                  created in                      %,d ms
                  all Ready after                 %,d ms (from the first create)
                  API writes per Receiver         %.2f (%d in all: %s)
                  controller heap used            %s
                  controller RSS                  %,d MB
                """, RECEIVERS, CONTROLLER_JVM_ARGS, millis(created - start), millis(allReady - start),
                writes.total() / (double) RECEIVERS, writes.total(), writes, memory.heap(), memory.rssMegabytes());
    }

    private static Process startController(ControlPlane plane, TestNamespace namespace) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(CONTROLLER_JVM_ARGS.trim().split("\\s+")));
        command.add("-Dkubernetes.client.kube-config-path=" + plane.kubeconfig());
        command.add("-Dkubernetes.client.namespace=" + namespace.name());
        command.add("-cp");
        command.add(controllerClasspath());
        command.add("dev.hookrelay.controller.Application");
        Path log = plane.workDir().resolve("controller.log");
        System.out.println("Controller log: " + log);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** This JVM's class path without the controller's test classes: what the controller's image holds. */
    private static String controllerClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void awaitLeader(Cluster cluster) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (cluster.leaseHolder("hookrelay-controller") == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the controller did not take the Lease within 60 s; see its log");
            }
            Thread.sleep(100);
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

    /** Marks each Knative Service's current generation ready, once, as Knative would after a rollout. */
    private record PlayKnative(Cluster cluster, ExecutorService executor, Set<String> marked)
            implements ResourceEventHandler<DynamicKubernetesObject> {
        PlayKnative(Cluster cluster, ExecutorService executor) {
            this(cluster, executor, ConcurrentHashMap.newKeySet());
        }

        @Override
        public void onAdd(DynamicKubernetesObject service) {
            String key = service.getMetadata().getName() + "@" + service.getMetadata().getGeneration();
            if (marked.add(key)) {
                executor.submit(() -> cluster.markKnativeServiceReady(service.getMetadata().getName()));
            }
        }

        @Override
        public void onUpdate(DynamicKubernetesObject before, DynamicKubernetesObject after) {
            onAdd(after);
        }

        @Override
        public void onDelete(DynamicKubernetesObject service, boolean finalStateUnknown) {
        }
    }

    /** Heap after a full GC (what stays live) and before it, from jcmd; RSS from /proc. */
    private record ControllerMemory(String heap, long rssMegabytes) {
        static ControllerMemory of(long pid) throws IOException, InterruptedException {
            String before = heapUsed(pid);
            jcmd(pid, "GC.run");
            String live = heapUsed(pid);
            long rssKb = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
            return new ControllerMemory(live + " live after a full GC, " + before + " before", rssKb / 1024);
        }

        private static String heapUsed(long pid) throws IOException, InterruptedException {
            String info = jcmd(pid, "GC.heap_info");
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
            return used.find() ? (Long.parseLong(used.group(1)) / 1024) + " MB" : "unknown (" + info.trim() + ")";
        }

        private static String jcmd(long pid, String command) throws IOException, InterruptedException {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        }
    }
}
