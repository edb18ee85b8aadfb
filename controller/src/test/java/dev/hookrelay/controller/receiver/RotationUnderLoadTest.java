package dev.hookrelay.controller.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.api.FunctionContract;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1Rotation;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.FunctionRevision;
import dev.hookrelay.receiver.GitHubDeliveries;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.TestNamespace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rotation while deliveries keep arriving, the test playing Knative (one revision after the
 * other, traffic to the latest Ready one) and the provider (signing with the old token until the
 * new revision serves, then with both, as a provider does whose deliveries sent before the
 * update are still arriving): within the grace window every delivery is recorded whichever
 * token signed it; after it, none signed with the old token is; the URL does not change.
 */
@ExtendWith(ControlPlaneExtension.class)
class RotationUnderLoadTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSigningProvidersDeliveriesWithEitherTokenAreRecordedWithinTheWindowAndWithTheOldOneNoneAfter(
            ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        String oldToken = "c2".repeat(32);
        String newToken = "d3".repeat(32);
        cluster.createSecret("load-token", Map.of("token", oldToken));
        cluster.createReceiver("load", new V1alpha1ReceiverSpec().type("github")
                .secretRef(new V1alpha1SecretRef().name("load-token"))
                .rotation(new V1alpha1Rotation().gracePeriod(GRACE.toSeconds() + "s")));
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name());
             FunctionRevision first = FunctionRevision.start(plane, cluster, "load")) {
            cluster.markKnativeServiceReady("hookrelay-load", first.baseUrl());
            String url = cluster.awaitReady("load", "True", "Succeeded").getStatus().getUrl();
            String path = URI.create(url).getPath();
            Delivery signedOld = new Delivery("old", (base, id) -> githubPush(base + path, id, oldToken));
            Delivery signedNew = new Delivery("new", (base, id) -> githubPush(base + path, id, newToken));
            List<Sent> sent;
            Instant windowEnd;
            double previousTokenVerified;
            FunctionRevision second = null;
            FunctionRevision third = null;
            try (Load load = Load.start(new Route("first", first.baseUrl()), List.of(signedOld))) {
                load.awaitMore(10);

                cluster.replaceSecretData("load-token", Map.of("token", newToken));
                second = nextRevision(plane, cluster, "load", first, true);
                load.routeTo(new Route("second", second.baseUrl()));
                load.send(List.of(signedOld, signedNew));
                windowEnd = OffsetDateTime.parse(second.env().get(FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT)).toInstant();

                third = nextRevision(plane, cluster, "load", second, false);
                load.routeTo(new Route("third", third.baseUrl()));
                load.awaitMore(10);
                sent = load.stop();
                previousTokenVerified = second.previousTokenDeliveries();
            } finally {
                close(second);
                close(third);
            }

            List<Sent> withinWindow = sent.stream().filter(s -> s.answeredAt().isBefore(windowEnd)).toList();
            List<Sent> afterWindow = sent.stream().filter(s -> s.sentAt().isAfter(windowEnd)).toList();
            assertTrue(withinWindow.stream().allMatch(s -> s.status() == 200), () -> "within the window " + withinWindow);
            assertTrue(withinWindow.stream().anyMatch(s -> s.label().equals("old") && s.revision().equals("second")),
                    "the new revision got deliveries signed with the old token");
            assertTrue(withinWindow.stream().anyMatch(s -> s.label().equals("new")));
            assertTrue(afterWindow.stream().anyMatch(s -> s.label().equals("old")), "deliveries with the old token after it");
            assertTrue(afterWindow.stream().allMatch(s -> s.status() == (s.label().equals("old") ? 401 : 200)),
                    () -> "after the window " + afterWindow);
            long accepted = sent.stream().filter(s -> s.status() == 200).count();
            assertTrue(sent.stream().allMatch(s -> s.status() == 200 || s.status() == 401), () -> "answers " + sent);
            assertEquals(accepted, Eventually.await("every accepted delivery counted", TIMEOUT, () -> {
                long count = cluster.receiver("load").getStatus().getEventCount();
                return count >= accepted ? count : null;
            }));
            assertEquals(sent.stream().filter(s -> s.label().equals("old") && s.revision().equals("second")
                    && s.status() == 200).count(), (long) previousTokenVerified, "the metric counts the old token's deliveries");
            // the host is Knative's route, which the test plays with one port per revision; the path is Hookrelay's
            assertEquals(path, URI.create(cluster.awaitReady("load", "True", "Succeeded").getStatus().getUrl()).getPath(),
                    "the URL stays");
        }
    }

    @Test
    void anUnsignedProviderIsServedAtTheOldAndTheNewPathWithinTheWindowAndAtTheNewOneOnlyAfter(
            ControlPlane plane, TestNamespace namespace) {
        Cluster cluster = new Cluster(plane, namespace.name());
        cluster.createReceiver("registry", new V1alpha1ReceiverSpec().type("quay")
                .rotation(new V1alpha1Rotation().gracePeriod(GRACE.toSeconds() + "s")));
        try (ControllerInstance controller = ControllerInstance.start(plane, namespace.name());
             FunctionRevision first = FunctionRevision.start(plane, cluster, "registry")) {
            cluster.markKnativeServiceReady("hookrelay-registry", first.baseUrl());
            cluster.awaitReady("registry", "True", "Succeeded");
            String oldUrl = Eventually.await("the URL in the Secret", TIMEOUT, () -> secretText(cluster, "hookrelay-token-registry", "url"));
            String oldPath = URI.create(oldUrl).getPath();
            List<Sent> sent;
            Instant windowEnd;
            String newPath;
            FunctionRevision second = null;
            FunctionRevision third = null;
            Delivery atOldPath = new Delivery("old", (base, id) -> quayPush(base + oldPath));
            try (Load load = Load.start(new Route("first", first.baseUrl()), List.of(atOldPath))) {
                load.awaitMore(10);

                cluster.patchReceiver("registry", "{\"metadata\":{\"annotations\":{\"hookrelay.dev/rotate-token\":\"1\"}}}");
                second = nextRevision(plane, cluster, "registry", first, true);
                load.routeTo(new Route("second", second.baseUrl()));
                String newUrl = Eventually.await("the new URL in the Secret", TIMEOUT, () -> {
                    String now = secretText(cluster, "hookrelay-token-registry", "url");
                    return now == null || now.equals(oldUrl) ? null : now;
                });
                newPath = URI.create(newUrl).getPath();
                load.send(List.of(atOldPath, new Delivery("new", (base, id) -> quayPush(base + newPath))));
                windowEnd = OffsetDateTime.parse(second.env().get(FunctionContract.ENV_PREVIOUS_TOKEN_EXPIRES_AT)).toInstant();

                third = nextRevision(plane, cluster, "registry", second, false);
                load.routeTo(new Route("third", third.baseUrl()));
                load.awaitMore(10);
                sent = load.stop();
            } finally {
                close(second);
                close(third);
            }

            assertNotEquals(oldPath, newPath);
            List<Sent> withinWindow = sent.stream().filter(s -> s.answeredAt().isBefore(windowEnd)).toList();
            List<Sent> afterWindow = sent.stream().filter(s -> s.sentAt().isAfter(windowEnd)).toList();
            assertTrue(withinWindow.stream().allMatch(s -> s.status() == 200), () -> "within the window " + withinWindow);
            assertTrue(withinWindow.stream().anyMatch(s -> s.label().equals("old") && s.revision().equals("second")));
            assertTrue(withinWindow.stream().anyMatch(s -> s.label().equals("new")));
            assertTrue(afterWindow.stream().anyMatch(s -> s.label().equals("old")));
            assertTrue(afterWindow.stream().allMatch(s -> s.status() == (s.label().equals("old") ? 404 : 200)),
                    () -> "after the window " + afterWindow);
        }
    }

    /**
     * Waits for the controller to change the Knative Service's template (with or without the
     * previous token), runs that revision, and marks it Ready as Knative would.
     */
    private static FunctionRevision nextRevision(ControlPlane plane, Cluster cluster, String name, FunctionRevision before,
                                                 boolean withPrevious) {
        String service = "hookrelay-" + name;
        Eventually.await("the template of " + service + (withPrevious ? " with" : " without") + " the previous token",
                TIMEOUT, () -> cluster.knativeService(service).getMetadata().getGeneration() > before.generation()
                        && withPrevious == TokenRotationTest.container(cluster, name).toString()
                        .contains(FunctionContract.ENV_PREVIOUS_TOKEN_FILE));
        FunctionRevision revision = FunctionRevision.start(plane, cluster, name);
        cluster.markKnativeServiceReady(service, revision.baseUrl());
        return revision;
    }

    private static HttpRequest githubPush(String url, String id, String token) {
        byte[] body = GitHubDeliveries.push("acme/load", "3333333333333333333333333333333333333333");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        GitHubDeliveries.headers("push", id, body, token).forEach(request::header);
        return request.build();
    }

    private static HttpRequest quayPush(String url) {
        byte[] body = """
                {"repository":"acme/app","namespace":"acme","name":"app","docker_url":"quay.io/acme/app",
                 "homepage":"https://quay.io/repository/acme/app","updated_tags":["v1"]}"""
                .getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static String secretText(Cluster cluster, String secret, String key) {
        byte[] value = cluster.secret(secret).getData().get(key);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    private static void close(FunctionRevision revision) {
        if (revision != null) {
            revision.close();
        }
    }

    /** Where Knative sends traffic: the latest Ready revision. */
    private record Route(String revision, String baseUrl) {
    }

    /** One kind of delivery the provider sends, for example signed with the old token. */
    private record Delivery(String label, BiFunction<String, String, HttpRequest> request) {
    }

    private record Sent(String label, String revision, Instant sentAt, Instant answeredAt, int status) {
    }

    /** Senders that deliver without pause, each delivery with an id of its own, taking turns over the kinds given. */
    private static final class Load implements AutoCloseable {
        private static final int SENDERS = 3;
        private final AtomicReference<Route> route;
        private final AtomicReference<List<Delivery>> deliveries;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong ids = new AtomicLong();
        private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        private final List<Thread> senders = new ArrayList<>();

        private Load(Route route, List<Delivery> deliveries) {
            this.route = new AtomicReference<>(route);
            this.deliveries = new AtomicReference<>(deliveries);
        }

        static Load start(Route route, List<Delivery> deliveries) {
            Load load = new Load(route, deliveries);
            for (int i = 0; i < SENDERS; i++) {
                Thread sender = new Thread(load::sendUntilStopped, "load-" + i);
                load.senders.add(sender);
                sender.start();
            }
            return load;
        }

        void routeTo(Route next) {
            route.set(next);
        }

        void send(List<Delivery> next) {
            deliveries.set(next);
        }

        void awaitMore(int count) {
            long target = sent.size() + count;
            Eventually.await(count + " more deliveries answered", TIMEOUT, () -> sent.size() >= target);
        }

        private void sendUntilStopped() {
            while (running.get()) {
                long id = ids.incrementAndGet();
                List<Delivery> kinds = deliveries.get();
                Delivery delivery = kinds.get((int) (id % kinds.size()));
                Route target = route.get();
                Instant sentAt = Instant.now();
                try {
                    HttpResponse<Void> response = HTTP.send(delivery.request().apply(target.baseUrl(), "load-" + id),
                            HttpResponse.BodyHandlers.discarding());
                    sent.add(new Sent(delivery.label(), target.revision(), sentAt, Instant.now(), response.statusCode()));
                } catch (IOException e) {
                    sent.add(new Sent(delivery.label(), target.revision(), sentAt, Instant.now(), -1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        List<Sent> stop() {
            running.set(false);
            for (Thread sender : senders) {
                try {
                    sender.join(TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.copyOf(sent);
        }

        @Override
        public void close() {
            stop();
        }
    }
}
