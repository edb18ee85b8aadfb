package dev.hookrelay.controller.relay;

import com.google.gson.reflect.TypeToken;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.Watch;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Receiver in a hub, dialing out only: lists it by name (field selector), then
 * watches it from there, and keeps every change, or why it cannot see it, for the reconciler.
 * It holds one HTTP client for the hub, used for every reconnect, and closes it when it stops.
 * A failure is reported and retried with backoff; a watch the hub ends is resumed where it
 * ended, and a watch too old to resume (410) starts over with a new list.
 */
final class HubWatch {
    private static final Logger LOG = LoggerFactory.getLogger(HubWatch.class);
    private static final Type EVENT = new TypeToken<Watch.Response<V1alpha1Receiver>>() { }.getType();

    private final HubAddress hub;
    private final HubCredentials credentials;
    private final RelaySettings settings;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Watch<V1alpha1Receiver> watch;
    private volatile HubState latest;
    private ApiClient client;
    private String clientKubeconfig;

    HubWatch(HubAddress hub, HubCredentials credentials, RelaySettings settings, Runnable onChange) {
        this.hub = hub;
        this.credentials = credentials;
        this.settings = settings;
        this.onChange = onChange;
        this.thread = new Thread(this::run, "hub-watch-" + hub.relayNamespace() + "-" + hub.receiver());
        this.thread.setDaemon(true);
    }

    HubAddress hub() {
        return hub;
    }

    /** What the watch knows of the hub Receiver; null before its first answer. */
    HubState latest() {
        return latest;
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
        closeWatch();
        closeClient();
    }

    private void run() {
        Backoff backoff = new Backoff(settings.getReconnectBaseDelay(), settings.getReconnectMaxDelay());
        try {
            while (!stopped) {
                try {
                    follow(backoff);
                } catch (HubProblem problem) {
                    report(HubState.outOfReach(problem));
                } catch (ApiException e) {
                    if (e.getCode() == 0) {
                        LOG.info("Relay in {}: cannot reach {}: {}", hub.relayNamespace(), hub.describe(),
                                String.valueOf(e.getCause() != null ? e.getCause() : e.getMessage()));
                    }
                    report(HubState.outOfReach(HubProblem.of(hub, e)));
                } catch (RuntimeException e) {
                    // client-java's watch iterator wraps a broken stream in a RuntimeException
                    if (!stopped) {
                        LOG.info("Relay in {}: the watch on {} broke: {}", hub.relayNamespace(), hub.describe(),
                                String.valueOf(e.getCause() != null ? e.getCause() : e));
                        report(HubState.outOfReach(HubProblem.unreachable(hub)));
                    }
                }
                if (!stopped && !sleep(backoff)) {
                    return;
                }
            }
        } finally {
            closeClient();
        }
    }

    /**
     * Lists the Receiver, then watches it until the hub ends the watch for good, fails, or the
     * kubeconfig changes (read again whenever a watch ends, every hookrelay.relay.watch-timeout).
     */
    private void follow(Backoff backoff) throws HubProblem, ApiException {
        ApiClient client = client();
        CustomObjectsApi api = new CustomObjectsApi(client);
        V1alpha1ReceiverList list = client.<V1alpha1ReceiverList>execute(request(api).buildCall(null),
                V1alpha1ReceiverList.class).getData();
        List<V1alpha1Receiver> found = list.getItems();
        report(found.isEmpty() ? HubState.notFound(hub) : HubState.following(hub, found.get(0)));
        backoff.reset();
        String resourceVersion = list.getMetadata().getResourceVersion();
        while (!stopped && resourceVersion != null) {
            resourceVersion = watchFrom(client, api, resourceVersion);
            if (!stopped && client() != client) {
                return;
            }
        }
    }

    /** The one client of this watch, replaced (and the old one closed) only when the kubeconfig changed. */
    private ApiClient client() throws HubProblem, ApiException {
        String kubeconfig = credentials.kubeconfig(hub);
        synchronized (this) {
            if (stopped) {
                throw HubProblem.unreachable(hub);
            }
            if (client == null || !kubeconfig.equals(clientKubeconfig)) {
                closeClient();
                client = credentials.clientFor(hub, kubeconfig);
                clientKubeconfig = kubeconfig;
            }
            return client;
        }
    }

    private synchronized void closeClient() {
        if (client != null) {
            HubCredentials.close(client);
            client = null;
            clientKubeconfig = null;
        }
    }

    /** Returns where to resume, or null when the hub says that version is too old. */
    private String watchFrom(ApiClient client, CustomObjectsApi api, String resourceVersion) throws ApiException {
        String resumeAt = resourceVersion;
        try (Watch<V1alpha1Receiver> events = Watch.createWatch(client, request(api).watch(true)
                .resourceVersion(resourceVersion).allowWatchBookmarks(true)
                .timeoutSeconds((int) settings.getWatchTimeout().toSeconds()).buildCall(null), EVENT)) {
            watch = events;
            for (Watch.Response<V1alpha1Receiver> event : events) {
                if ("ERROR".equals(event.type)) {
                    return startOver(event);
                }
                resumeAt = event.object.getMetadata().getResourceVersion();
                switch (event.type) {
                    case "ADDED", "MODIFIED" -> report(HubState.following(hub, event.object));
                    case "DELETED" -> report(HubState.notFound(hub));
                    default -> { }
                }
            }
        } catch (IOException e) {
            LOG.debug("Closing the watch on {} failed", hub.describe(), e);
        } finally {
            watch = null;
        }
        return resumeAt;
    }

    /** A version too old to resume from means a new list; any other error is a failure, retried with backoff. */
    private static String startOver(Watch.Response<V1alpha1Receiver> event) throws ApiException {
        int code = event.status == null || event.status.getCode() == null ? 0 : event.status.getCode();
        if (code == HttpURLConnection.HTTP_GONE) {
            return null;
        }
        throw new ApiException(code, "the hub ended the watch with an error");
    }

    private CustomObjectsApi.APIlistNamespacedCustomObjectRequest request(CustomObjectsApi api) {
        return api.listNamespacedCustomObject(HookrelayApi.GROUP, HookrelayApi.VERSION, hub.namespace(),
                HookrelayApi.RECEIVERS).fieldSelector("metadata.name=" + hub.receiver());
    }

    /** Records a new state and says so; the same problem again is not news. */
    private void report(HubState state) {
        if (stopped) {
            return;
        }
        HubState before = latest;
        boolean sameProblem = before != null && !state.reachable() && !before.reachable()
                && state.reason().equals(before.reason()) && state.message().equals(before.message());
        if (before == null || !state.reason().equals(before.reason())) {
            LOG.info("Relay in {} following {}: {} ({})", hub.relayNamespace(), hub.describe(), state.reason(),
                    state.message());
        }
        latest = state;
        if (!sameProblem && !stopped) {
            onChange.run();
        }
    }

    private boolean sleep(Backoff backoff) {
        try {
            Thread.sleep(backoff.next().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeWatch() {
        Watch<V1alpha1Receiver> current = watch;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch on {} failed", hub.describe(), e);
            }
        }
    }
}
