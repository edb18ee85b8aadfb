package dev.hookrelay.controller.relay;

import com.google.gson.reflect.TypeToken;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.controller.kube.Problem;
import io.kubernetes.client.extended.controller.builder.ControllerBuilder;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.workqueue.WorkQueue;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watch;
import io.kubernetes.client.util.Watchable;
import java.lang.reflect.Type;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one Receiver in a hub, dialing out only, with a shared informer of its own on a
 * client of its own for that hub: listing it by name, watching, resuming and listing again
 * after a 410 are the informer's. Every change of the hub Receiver queues the Relay, and so
 * does every change of whether the hub answers. The informer's list and watch go through this
 * class, because client-java's informer tells only some failures (none of a refused connection,
 * which it retries every second) and never that the hub answers again; here each list and watch
 * also reads the kubeconfig again, so a replaced one is used from then on, and backs off
 * (hookrelay.relay.reconnect-*) after a failure instead of dialing a hub that is down every second.
 */
final class HubInformer implements ListerWatcher<V1alpha1Receiver, V1alpha1ReceiverList> {
    private static final Logger LOG = LoggerFactory.getLogger(HubInformer.class);
    private static final Type EVENT = new TypeToken<Watch.Response<V1alpha1Receiver>>() { }.getType();

    private final HubAddress hub;
    private final Request relay;
    private final WorkQueue<Request> queue;
    private final HubCredentials credentials;
    private final int watchTimeoutSeconds;
    private final Backoff backoff;
    private final SharedInformerFactory factory;
    private final SharedIndexInformer<V1alpha1Receiver> informer;
    private volatile Problem problem;
    private volatile boolean listedEmpty;
    private boolean failedLast;
    private boolean stopped;
    private ApiClient client;
    private String clientKubeconfig;

    /** {@code local} only satisfies the factory, which lists and watches through this class, never through it. */
    HubInformer(HubAddress hub, Request relay, WorkQueue<Request> queue, HubCredentials credentials, RelaySettings settings,
                ApiClient local) {
        this.hub = hub;
        this.relay = relay;
        this.queue = queue;
        this.credentials = credentials;
        this.watchTimeoutSeconds = (int) settings.getWatchTimeout().toSeconds();
        this.backoff = new Backoff(settings.getReconnectBaseDelay(), settings.getReconnectMaxDelay());
        String threadName = "hub-watch-" + hub.relayNamespace() + "-" + hub.receiver();
        this.factory = new SharedInformerFactory(local, Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        }));
        this.informer = factory.sharedIndexInformerFor(this, V1alpha1Receiver.class, 0,
                (type, failure) -> LOG.debug("Relay in {}: following {} failed", hub.relayNamespace(), hub.describe(), failure));
        informer.addEventHandler(ControllerBuilder.controllerWatchBuilder(V1alpha1Receiver.class, queue)
                .withWorkQueueKeyFunc(receiver -> relay).build().getResourceEventHandler());
    }

    HubAddress hub() {
        return hub;
    }

    void start() {
        factory.startAllRegisteredInformers();
    }

    /** Stops the informer, then closes the client and with it the connection to the hub. */
    void stop() {
        synchronized (this) {
            stopped = true;
        }
        factory.stopAllRegisteredInformers(true);
        closeClient();
    }

    /** What is known of the hub Receiver; null before the hub first answered. */
    HubState latest() {
        Problem current = problem;
        if (current != null) {
            return HubState.outOfReach(current);
        }
        V1alpha1Receiver receiver = informer.getIndexer().getByKey(hub.namespace() + "/" + hub.receiver());
        if (receiver != null) {
            return HubState.following(hub, receiver);
        }
        return listedEmpty || informer.hasSynced() ? HubState.notFound(hub) : null;
    }

    @Override
    public V1alpha1ReceiverList list(CallGeneratorParams params) throws ApiException {
        ApiClient hubClient = connect();
        V1alpha1ReceiverList list = attempt(() -> hubClient.<V1alpha1ReceiverList>execute(
                request(hubClient).buildCall(null), V1alpha1ReceiverList.class).getData());
        listedEmpty = list.getItems().isEmpty();
        // a Receiver listed reaches the reconciler through the informer's cache; an empty list does not
        answered(listedEmpty);
        return list;
    }

    @Override
    public Watchable<V1alpha1Receiver> watch(CallGeneratorParams params) throws ApiException {
        ApiClient hubClient = connect();
        Watchable<V1alpha1Receiver> watch = attempt(() -> Watch.createWatch(hubClient, request(hubClient).watch(true)
                .resourceVersion(params.resourceVersion).allowWatchBookmarks(true)
                .timeoutSeconds(watchTimeoutSeconds).buildCall(null), EVENT));
        answered(false);
        return watch;
    }

    /** The one client of this informer, replaced (and the old one closed) only when the kubeconfig changed. */
    private ApiClient connect() throws ApiException {
        waitAfterFailure();
        return attempt(() -> {
            String kubeconfig = credentials.kubeconfig(hub);
            synchronized (this) {
                if (stopped) {
                    throw new ApiException("stopped following " + hub.describe());
                }
                if (client == null || !kubeconfig.equals(clientKubeconfig)) {
                    closeClient();
                    client = credentials.clientFor(hub, kubeconfig);
                    clientKubeconfig = kubeconfig;
                }
                return client;
            }
        });
    }

    /** Runs one step of following the hub; a failure is recorded and rethrown. */
    private <T> T attempt(HubCall<T> call) throws ApiException {
        try {
            return call.run();
        } catch (Problem e) {
            failed(e);
            throw new ApiException(e.getMessage());
        } catch (ApiException e) {
            if (isStopped()) {
                throw e;
            }
            if (e.getCode() == 0) {
                LOG.info("Relay in {}: cannot reach {}: {}", hub.relayNamespace(), hub.describe(),
                        String.valueOf(e.getCause() != null ? e.getCause() : e.getMessage()));
            }
            failed(HubProblems.of(hub, e));
            throw e;
        } catch (RuntimeException e) {
            if (isStopped()) {
                throw e;
            }
            LOG.info("Relay in {}: following {} failed: {}", hub.relayNamespace(), hub.describe(), e.toString());
            failed(HubProblems.unreachable(hub));
            throw e;
        }
    }

    private void waitAfterFailure() throws ApiException {
        if (!failedLast) {
            return;
        }
        try {
            Thread.sleep(backoff.next().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException("stopped following " + hub.describe());
        }
    }

    private void answered(boolean queueRelay) {
        failedLast = false;
        backoff.reset();
        Problem before = problem;
        problem = null;
        if (before != null) {
            LOG.info("Relay in {}: reaches {} again", hub.relayNamespace(), hub.describe());
        }
        if (before != null || queueRelay) {
            queue.add(relay);
        }
    }

    /** Records why the hub cannot be followed; the same problem again is not news. */
    private void failed(Problem now) {
        failedLast = true;
        if (isStopped()) {
            return;
        }
        Problem before = problem;
        problem = now;
        boolean same = before != null && before.reason().equals(now.reason()) && before.getMessage().equals(now.getMessage());
        if (!same) {
            LOG.info("Relay in {} following {}: {} ({})", hub.relayNamespace(), hub.describe(), now.reason(), now.getMessage());
            queue.add(relay);
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    private synchronized void closeClient() {
        if (client != null) {
            HubCredentials.close(client);
            client = null;
            clientKubeconfig = null;
        }
    }

    private CustomObjectsApi.APIlistNamespacedCustomObjectRequest request(ApiClient hubClient) {
        return new CustomObjectsApi(hubClient).listNamespacedCustomObject(HookrelayApi.GROUP, HookrelayApi.VERSION,
                hub.namespace(), HookrelayApi.RECEIVERS).fieldSelector("metadata.name=" + hub.receiver());
    }

    @FunctionalInterface
    private interface HubCall<T> {
        T run() throws ApiException;
    }
}
