package dev.hookrelay.controller.registration;

import static dev.hookrelay.controller.registration.Registrations.FAST;
import static dev.hookrelay.controller.registration.Registrations.TIMEOUT;
import static dev.hookrelay.controller.registration.Registrations.awaitEvent;
import static dev.hookrelay.controller.registration.Registrations.awaitGone;
import static dev.hookrelay.controller.registration.Registrations.awaitRegistered;
import static dev.hookrelay.controller.testing.PokeTargets.GIT_REPOSITORY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.api.V1alpha1SecretRef;
import dev.hookrelay.controller.testing.Cluster;
import dev.hookrelay.controller.testing.ControllerInstance;
import dev.hookrelay.controller.testing.PokeTargets;
import dev.hookrelay.controller.testing.TargetRefs;
import dev.hookrelay.receiver.RunningFunction;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.Eventually;
import dev.hookrelay.testing.Gitea;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.models.V1Condition;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A real Gitea: Hookrelay registers the webhook through Gitea's API, a real `git push` makes
 * Gitea sign and deliver a push to the real receiver-fn, which records it, and the controller
 * pokes a Flux GitRepository; no URL or secret is copied by hand. Then what someone does to the
 * webhook in Gitea is undone, and deleting the Receiver deletes it.
 */
@ExtendWith(ControlPlaneExtension.class)
class GiteaRegistrationTest {

    /** A Receiver of a Gitea repository, its function running here, and the controller; Knative is played by the test. */
    private record Setup(Gitea gitea, Cluster cluster, String repository, RunningFunction function,
                         ControllerInstance controller) implements AutoCloseable {
        /** {@code beforeController} gets the repository and the URL status.url will hold. */
        static Setup start(ControlPlane plane, TestNamespace namespace, String name,
                           java.util.function.BiConsumer<String, String> beforeController) {
            Gitea gitea = Gitea.shared();
            Cluster cluster = new Cluster(plane, namespace.name());
            gitea.createRepository(Gitea.ADMIN, name);
            String repository = Gitea.ADMIN + "/" + name;
            cluster.createSecret(name + "-gitea", Map.of("token", gitea.createToken(namespace.name() + "-" + name,
                    "write:repository")));
            PokeTargets targets = PokeTargets.installedOn(plane);
            targets.create(GIT_REPOSITORY, namespace.name(), name);
            V1alpha1ReceiverSpec spec = new V1alpha1ReceiverSpec().type("gitea").events(List.of("push"))
                    .secretRef(new V1alpha1SecretRef().name(name + "-token"))
                    .resources(List.of(TargetRefs.of(GIT_REPOSITORY, name)))
                    .registration(Registrations.at(gitea.apiUrl(), name + "-gitea").repository(repository));
            RunningFunction function = RunningFunction.startProcess(plane, namespace.name(), name, spec);
            // the path this function serves, shown in status as by an earlier controller: the controller keeps it
            cluster.patchReceiverStatus(name, "{\"status\":{\"webhookPath\":\"" + function.webhookPath() + "\"}}");
            cluster.createSecret(name + "-token", Map.of("token", function.token));
            beforeController.accept(repository, expectedUrl(function, name, namespace.name()));
            ControllerInstance controller = ControllerInstance.start(plane, namespace.name(), FAST);
            cluster.markKnativeServiceReady("hookrelay-" + name, function.baseUrl());
            return new Setup(gitea, cluster, repository, function, controller);
        }

        /** The URL the controller will put into status.url. */
        static String expectedUrl(RunningFunction function, String name, String namespace) {
            return function.baseUrl() + function.webhookPath();
        }

        List<JsonObject> hooks() {
            return StreamSupport.stream(gitea.repositoryHooks(repository).spliterator(), false)
                    .map(JsonElement::getAsJsonObject).toList();
        }

        JsonObject hook(String id) {
            return hooks().stream().filter(h -> h.get("id").getAsString().equals(id)).findFirst().orElse(null);
        }

        /** Pushes a commit and waits until the function has recorded it; returns the commit id. */
        String pushAndAwaitRecorded(String name, String file) {
            long before = function.eventCount();
            String commit = gitea.push(repository, file, "content of " + file);
            V1alpha1Receiver recorded = Eventually.await("Gitea's push of " + commit + " recorded", TIMEOUT, () -> {
                V1alpha1Receiver receiver = cluster.receiver(name);
                return receiver.getStatus().getEventCount() > before ? receiver : null;
            });
            assertEquals("push", recorded.getStatus().getLastEvent().getType());
            assertEquals(commit, recorded.getStatus().getLastEvent().getRevision());
            return commit;
        }

        @Override
        public void close() {
            controller.close();
            function.close();
        }
    }

    @Test
    void gitPushReachesTheFunctionThroughTheWebhookHookrelayRegistered(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "git-push-reaches-the");
        try (Setup setup = Setup.start(plane, namespace, "loop", (repository, url) -> { })) {
            V1alpha1Receiver registered = awaitRegistered(setup.cluster(), "loop");

            String url = registered.getStatus().getUrl();
            List<JsonObject> hooks = setup.hooks();
            assertEquals(1, hooks.size(), hooks.toString());
            JsonObject hook = hooks.get(0);
            assertEquals(registered.getStatus().getRegistration().getHookID(), hook.get("id").getAsString());
            assertEquals(url, hook.getAsJsonObject("config").get("url").getAsString());
            assertEquals("json", hook.getAsJsonObject("config").get("content_type").getAsString());
            assertTrue(hook.get("active").getAsBoolean());
            assertEquals(List.of("push"), registered.getStatus().getRegistration().getEvents());
            assertEquals(url, registered.getStatus().getRegistration().getUrl());
            assertEquals(setup.repository(), registered.getStatus().getRegistration().getRepository());
            awaitEvent(setup.cluster(), "loop", "HookCreated");

            String commit = setup.pushAndAwaitRecorded("loop", "README.md");
            assertEquals("refs/heads/main", setup.cluster().receiver("loop").getStatus().getLastEvent().getRef());
            Eventually.await("GitRepository loop poked for " + commit, TIMEOUT, () -> new PokeTargets(plane).annotation(GIT_REPOSITORY, namespace.name(), "loop",
                    PokeTargets.FLUX_ANNOTATION) != null);
        }
    }

    @Test
    void changesMadeInGiteaAreUndone(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "changes-made-in-gite");
        try (Setup setup = Setup.start(plane, namespace, "drift", (repository, url) -> { })) {
            V1alpha1Receiver registered = awaitRegistered(setup.cluster(), "drift");
            String url = registered.getStatus().getUrl();
            String id = registered.getStatus().getRegistration().getHookID();

            JsonObject edit = JsonParser.parseString("""
                    {"config": {"url": "http://127.0.0.1:9/elsewhere", "content_type": "form"},
                     "events": ["create"], "active": false}""").getAsJsonObject();
            setup.gitea().api("PATCH", "/repos/" + setup.repository() + "/hooks/" + id, edit);
            Eventually.await("webhook " + id + " restored", TIMEOUT, () -> {
                JsonObject hook = setup.hook(id);
                return hook != null && hook.get("active").getAsBoolean()
                        && url.equals(hook.getAsJsonObject("config").get("url").getAsString())
                        && "json".equals(hook.getAsJsonObject("config").get("content_type").getAsString())
                        && hook.getAsJsonArray("events").toString().equals("[\"push\"]");
            });
            awaitEvent(setup.cluster(), "drift", "HookRestored");

            setup.gitea().api("DELETE", "/repos/" + setup.repository() + "/hooks/" + id, null);
            V1alpha1Receiver recreated = Eventually.await("webhook re-created", TIMEOUT, () -> {
                V1alpha1Receiver receiver = setup.cluster().receiver("drift");
                String now = receiver.getStatus().getRegistration().getHookID();
                return !id.equals(now) && setup.hook(now) != null ? receiver : null;
            });
            assertEquals(1, setup.hooks().size());
            assertEquals(url, setup.hook(recreated.getStatus().getRegistration().getHookID())
                    .getAsJsonObject("config").get("url").getAsString());
            awaitEvent(setup.cluster(), "drift", "HookRecreated");
            setup.pushAndAwaitRecorded("drift", "after-recreate.txt");
        }
    }

    @Test
    void anExistingWebhookOnALaterPageIsAdoptedNotDuplicated(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "an-existing-webhook");
        Gitea gitea = Gitea.shared();
        // Gitea lists at most 50 webhooks a page: the one delivering to the Receiver's URL is the 53rd
        // of 55, and holds a secret that is not the Receiver's token
        try (Setup setup = Setup.start(plane, namespace, "adopt", (repository, url) -> {
            for (int i = 0; i < 55; i++) {
                createHook(gitea, repository, i == 52 ? url : "http://127.0.0.1:9/other-" + i, "not-the-token");
            }
        })) {
            V1alpha1Receiver adopted = awaitRegistered(setup.cluster(), "adopt");
            String url = adopted.getStatus().getUrl();
            List<JsonObject> hooks = allHooks(gitea, setup.repository());
            assertEquals(55, hooks.size());
            assertEquals(1, hooks.stream().filter(h -> url.equals(h.getAsJsonObject("config").get("url").getAsString()))
                    .count());
            awaitEvent(setup.cluster(), "adopt", "HookAdopted");
            assertTrue(setup.cluster().eventsAbout("adopt").stream().noneMatch(e -> "HookCreated".equals(e.getReason())));
            setup.pushAndAwaitRecorded("adopt", "adopted.txt");
        }
    }

    private static void createHook(Gitea gitea, String repository, String url, String secret) {
        JsonObject hook = JsonParser.parseString("""
                {"type": "gitea", "config": {"url": "%s", "content_type": "json", "secret": "%s"},
                 "events": ["push"], "active": true}""".formatted(url, secret)).getAsJsonObject();
        gitea.api("POST", "/repos/" + repository + "/hooks", hook);
    }

    private static List<JsonObject> allHooks(Gitea gitea, String repository) {
        List<JsonObject> hooks = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            JsonArray items = gitea.api("GET", "/repos/" + repository + "/hooks?limit=50&page=" + page, null)
                    .getAsJsonArray();
            items.forEach(i -> hooks.add(i.getAsJsonObject()));
            if (items.size() < 50) {
                return hooks;
            }
        }
    }

    @Test
    void deletingTheReceiverDeletesTheWebhook(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "deleting-the-receive");
        try (Setup setup = Setup.start(plane, namespace, "goodbye", (repository, url) -> { })) {
            awaitRegistered(setup.cluster(), "goodbye");
            assertEquals(1, setup.hooks().size());

            setup.cluster().deleteReceiver("goodbye");
            awaitGone(setup.cluster(), "goodbye");
            assertEquals(List.of(), setup.hooks());
        }
    }

    @Test
    void credentialsGoneDoNotHoldTheDeletionForever(ControlPlane plane) {
        TestNamespace namespace = TestNamespace.create(plane, "credentials-gone-do");
        try (Setup setup = Setup.start(plane, namespace, "orphan", (repository, url) -> { })) {
            awaitRegistered(setup.cluster(), "orphan");
            setup.cluster().deleteSecret("orphan-gitea");

            setup.cluster().deleteReceiver("orphan");
            V1alpha1Receiver deleting = awaitRegistered(setup.cluster(), "orphan", "False", "DeleteFailed");
            V1Condition condition = Registrations.registered(deleting);
            assertTrue(condition.getMessage().contains("Secret orphan-gitea"), condition.getMessage());
            awaitGone(setup.cluster(), "orphan");
            String left = awaitEvent(setup.cluster(), "orphan", "HookLeftBehind").getMessage();
            assertTrue(left.contains("delete the webhook at the provider by hand"), left);
            assertEquals(1, setup.hooks().size());
        }
    }
}
