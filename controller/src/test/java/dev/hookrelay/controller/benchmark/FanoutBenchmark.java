package dev.hookrelay.controller.benchmark;

import static dev.hookrelay.controller.testing.PokeTargets.FLUX_ANNOTATION;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1HubRef;
import dev.hookrelay.api.V1alpha1KubeConfigSecretRef;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayList;
import dev.hookrelay.api.V1alpha1RelaySpec;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.receiver.ShippedJvm;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Time from a webhook POST to receiver-fn until a watcher sees the target annotated, one
 * event at a time: in one cluster (Receiver fan-out), from a hub to an edge through a Relay,
 * and with many Relays following one Receiver. Everything runs on real control planes; the
 * function runs as its own process as the image runs it (JDK 25, its AOT cache, image/jvm.options),
 * the controller in this JVM.
 */
public final class FanoutBenchmark {
    private static final int EVENTS = Integer.getInteger("benchmark.events", 200);
    private static final int RELAYS = Integer.getInteger("benchmark.relays", 20);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private FanoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ShippedJvm function = ShippedJvm.image(Files.createTempDirectory("hookrelay-fanout-"));
        try (ControlPlane hub = ControlPlane.start(); ControlPlane edge = ControlPlane.start()) {
            for (ControlPlane plane : List.of(hub, edge)) {
                plane.crds().installHookrelay();
                plane.crds().install(plane.assets().crds("knative-serving"));
                PokeTargets.installedOn(plane);
            }
            String[] oneCluster = oneCluster(hub, function);
            String[] relayed = relayed(hub, edge, function);
            System.out.printf("""

                    Hookrelay fan-out benchmark: webhook POST to receiver-fn until a watcher sees the GitRepository
                    annotated, %d events one after another, on real control planes (2 cores shared by all)
                      one cluster: Receiver fan-out          %s
                      baseline: a synchronous receiver       %s
                        (verifies, merge-PATCHes the annotation, then answers; events alternate with the line above)
                      Receiver fan-out / baseline, p50       %s
                      hub -> edge through a Relay            %s
                      %d Relays following one Receiver:
                        until all %d targets are annotated   %s
                        each target                        %s
                    """, EVENTS, oneCluster[0], oneCluster[1], oneCluster[2], relayed[0], RELAYS, RELAYS, relayed[1], relayed[2]);
        }
        System.exit(0);
    }

    /**
     * Returns the summaries of Hookrelay's fan-out, of the synchronous receiver beside it on the
     * same control plane (their events alternate, so both see the same load), and their p50 ratio.
     */
    private static String[] oneCluster(ControlPlane plane, ShippedJvm jvm) throws Exception {
        String namespace = TestNamespace.create(plane, "fanout").name();
        PokeTargets targets = new PokeTargets(plane);
        targets.create(GIT_REPOSITORY, namespace, "podinfo");
        targets.create(GIT_REPOSITORY, namespace, "podinfo-synchronous");
        V1alpha1ReceiverSpec spec = pushes().resources(List.of(TargetRefs.of(GIT_REPOSITORY, "podinfo")));
        try (RunningFunction function = RunningFunction.startProcess(plane, namespace, "podinfo", spec, jvm);
             ControllerInstance controller = ControllerInstance.start(plane, namespace);
             AnnotationWatch watch = gitRepositories(plane, namespace);
             SynchronousReceiver synchronous = new SynchronousReceiver(plane.adminClient(), function.token, namespace,
                     "podinfo-synchronous")) {
            awaitSettled(function, watch, List.of("podinfo"));
            untilAnnotated(watch, "podinfo-synchronous", () -> post(synchronous, function.token, 0), new Latencies());
            Latencies hookrelay = new Latencies();
            Latencies answered = new Latencies();
            Latencies baseline = new Latencies();
            double commits = function.scrape("hookrelay_status_commit_seconds_count");
            double commitSeconds = function.scrape("hookrelay_status_commit_seconds_sum");
            double requests = function.scrape("hookrelay_status_requests_total");
            for (int event = 1; event <= EVENTS; event++) {
                int n = event;
                hookrelay.add(untilAnnotated(watch, "podinfo", () -> post(function, "benchmark-" + n), answered));
                baseline.add(untilAnnotated(watch, "podinfo-synchronous", () -> post(synchronous, function.token, n),
                        new Latencies()));
            }
            commits = function.scrape("hookrelay_status_commit_seconds_count") - commits;
            String writes = "%.0f status writes, mean %.2f ms, %.2f API requests each".formatted(commits,
                    1000 * (function.scrape("hookrelay_status_commit_seconds_sum") - commitSeconds) / commits,
                    (function.scrape("hookrelay_status_requests_total") - requests) / commits);
            return new String[] {hookrelay.summary() + "\n        of which until receiver-fn answered " + answered.summary()
                    + "\n        receiver-fn: " + writes,
                    baseline.summary(),
                    "%.2fx (target <= 1.5x)".formatted(hookrelay.percentileMillis(50) / baseline.percentileMillis(50))};
        }
    }

    /** POST until the watcher sees the target annotated; the time until the POST was answered goes to {@code answered}. */
    private static long untilAnnotated(AnnotationWatch watch, String target, Runnable post, Latencies answered)
            throws InterruptedException {
        String before = watch.value(target);
        long posted = System.nanoTime();
        post.run();
        answered.add(System.nanoTime() - posted);
        return watch.awaitChange(target, before, TIMEOUT) - posted;
    }

    private static void post(SynchronousReceiver receiver, String token, int event) {
        byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", "synchronous-" + event);
        HttpRequest.Builder request = HttpRequest.newBuilder(receiver.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(push));
        GitHubDeliveries.headers("push", "synchronous-" + event, push, token).forEach(request::header);
        try {
            int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("the synchronous receiver answered " + status);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Returns the summaries of one Relay, of many until all are poked, and of many per target. */
    private static String[] relayed(ControlPlane hub, ControlPlane edge, ShippedJvm jvm) throws Exception {
        String hubNamespace = TestNamespace.create(hub, "hub").name();
        String oneRelay = TestNamespace.create(edge, "one-relay").name();
        String manyRelays = TestNamespace.create(edge, "many-relays").name();
        try (RunningFunction function = RunningFunction.startProcess(hub, hubNamespace, "podinfo", pushes(), jvm)) {
            String single;
            try (ControllerInstance controller = ControllerInstance.start(edge, oneRelay);
                 AnnotationWatch targets = gitRepositories(edge, oneRelay)) {
                followWithRelays(hub, edge, oneRelay, hubNamespace, 1);
                single = measure(function, targets, List.of("target-0"))[0].summary();
            }
            try (ControllerInstance controller = ControllerInstance.start(edge, manyRelays);
                 AnnotationWatch targets = gitRepositories(edge, manyRelays)) {
                followWithRelays(hub, edge, manyRelays, hubNamespace, RELAYS);
                Latencies[] many = measure(function, targets, IntStream.range(0, RELAYS).mapToObj(i -> "target-" + i).toList());
                return new String[] {single, many[0].summary(), many[1].summary()};
            }
        }
    }

    /** Relays relay-N, each following the hub Receiver and poking its own GitRepository target-N. */
    private static void followWithRelays(ControlPlane hub, ControlPlane edge, String namespace, String hubNamespace,
                                         int count) throws Exception {
        byte[] kubeconfig = Files.readString(hub.kubeconfig()).getBytes(StandardCharsets.UTF_8);
        new CoreV1Api(edge.adminClient()).createNamespacedSecret(namespace, new V1Secret()
                .metadata(new V1ObjectMeta().name("hub")).data(Map.of(V1alpha1KubeConfigSecretRef.DEFAULT_KEY, kubeconfig)))
                .execute();
        GenericKubernetesApi<V1alpha1Relay, V1alpha1RelayList> relays = new GenericKubernetesApi<>(V1alpha1Relay.class,
                V1alpha1RelayList.class, HookrelayApi.GROUP, HookrelayApi.VERSION, HookrelayApi.RELAYS, edge.adminClient());
        PokeTargets targets = new PokeTargets(edge);
        for (int i = 0; i < count; i++) {
            targets.create(GIT_REPOSITORY, namespace, "target-" + i);
            relays.create(new V1alpha1Relay().metadata(new V1ObjectMeta().name("relay-" + i).namespace(namespace))
                    .spec(new V1alpha1RelaySpec()
                            .hub(new V1alpha1HubRef().namespace(hubNamespace).receiver("podinfo")
                                    .kubeConfigSecretRef(new V1alpha1KubeConfigSecretRef().name("hub")))
                            .resources(List.of(TargetRefs.of(GIT_REPOSITORY, "target-" + i)))))
                    .throwsApiException();
        }
    }

    /**
     * Posts the events one at a time, each once every target shows the previous one; returns
     * the time until the last target was annotated, and the time until each was.
     */
    private static Latencies[] measure(RunningFunction function, AnnotationWatch targets, List<String> names)
            throws InterruptedException {
        awaitSettled(function, targets, names);
        Latencies untilAll = new Latencies();
        Latencies each = new Latencies();
        for (int event = 1; event <= EVENTS; event++) {
            Map<String, String> before = names.stream().collect(Collectors.toMap(n -> n, targets::value));
            long posted = System.nanoTime();
            post(function, "benchmark-" + event);
            long last = 0;
            for (String name : names) {
                long annotated = targets.awaitChange(name, before.get(name), TIMEOUT);
                each.add(annotated - posted);
                last = Math.max(last, annotated);
            }
            untilAll.add(last - posted);
        }
        return new Latencies[] {untilAll, each};
    }

    /** One event first, until every target shows it: every follower is then connected and caught up. */
    private static void awaitSettled(RunningFunction function, AnnotationWatch targets, List<String> names)
            throws InterruptedException {
        post(function, "warm-up");
        String eventTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                function.receiver().getStatus().getLastEvent().getReceivedAt());
        for (String name : names) {
            targets.awaitValue(name, eventTime, Duration.ofSeconds(60));
        }
    }

    private static void post(RunningFunction function, String deliveryId) {
        byte[] push = GitHubDeliveries.push("stefanprodan/podinfo", deliveryId);
        HttpResponse<String> answer = function.post(GitHubDeliveries.headers("push", deliveryId, push, function.token), push);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("receiver-fn answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static V1alpha1ReceiverSpec pushes() {
        return new V1alpha1ReceiverSpec().type("github").events(List.of("push"));
    }

    private static AnnotationWatch gitRepositories(ControlPlane plane, String namespace) {
        return new AnnotationWatch(plane.adminClient(), namespace, GIT_REPOSITORY.group(), GIT_REPOSITORY.version(),
                GIT_REPOSITORY.plural(), FLUX_ANNOTATION);
    }
}
