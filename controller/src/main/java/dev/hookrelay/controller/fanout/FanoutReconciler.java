package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.StatusApply;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pokes a Receiver's targets once for the events it recorded since the last poke, then
 * records status.handledEventCount, so that neither a retry nor a restart pokes again for
 * them. A target that could not be poked keeps the count where it was, is listed in
 * status.pendingTargets and retried with backoff, alone: the targets poked already are not
 * poked again, after a restart either. A refused target (another namespace, a kind not
 * allowed) is reported and skipped.
 */
@Singleton
class FanoutReconciler implements Reconciler {
    static final String TARGETS_POKED = Fanout.POKED;
    private static final Logger LOG = LoggerFactory.getLogger(FanoutReconciler.class);

    private final FanoutCaches receivers;
    private final Fanout fanout;
    private final StatusApply writer;
    private final FanoutMemory memory = new FanoutMemory();

    FanoutReconciler(FanoutCaches receivers, Fanout fanout, ApiClient client) {
        this.receivers = receivers;
        this.fanout = fanout;
        this.writer = FanoutStatus.writer(client);
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Receiver receiver = receivers.cache().get(request.getNamespace(), request.getName());
        if (receiver == null) {
            memory.forget(request.getNamespace(), request.getName());
            return new Result(false);
        }
        if (receiver.getMetadata().getDeletionTimestamp() != null || receiver.getStatus() == null) {
            return new Result(false);
        }
        try {
            return reconcile(receiver, receiver.getStatus());
        } catch (ApiException e) {
            LOG.warn("Receiver {}/{}: writing the fan-out status failed with {}; retrying with backoff",
                    request.getNamespace(), request.getName(), e.getCode());
            return new Result(true);
        }
    }

    private Result reconcile(V1alpha1Receiver receiver, V1alpha1ReceiverStatus status) throws ApiException {
        long eventCount = status.getEventCount();
        long handled = Math.max(status.getHandledEventCount(), memory.handled(receiver));
        if (eventCount > handled && !receiver.getSpec().getResources().isEmpty()) {
            return pokeNewEvents(receiver, status);
        }
        if (handled > status.getHandledEventCount()) {
            // poked, but the status write is not in the cache yet, or it failed
            writer.apply(receiver, status, FanoutStatus.of(receiver, handled, null, null));
        } else if (FanoutCaches.changedSinceReported(receiver)) {
            writer.apply(receiver, status, FanoutStatus.of(receiver, handled, null,
                    fanout.check(receiver.getMetadata().getNamespace(), receiver.getSpec().getResources())));
        }
        return new Result(false);
    }

    private Result pokeNewEvents(V1alpha1Receiver receiver, V1alpha1ReceiverStatus status) throws ApiException {
        long eventCount = status.getEventCount();
        long handledBefore = Math.max(status.getHandledEventCount(), memory.handled(receiver));
        FanoutResult result = fanout.poke(receiver, receiver.getSpec().getResources(), Poke.of(status.getLastEvent()),
                NewEvents.of(status, handledBefore), eventCount, memory.left(receiver, status.getPendingTargets()));
        long handled = result.complete() ? eventCount : handledBefore;
        memory.record(receiver, handled, result.left());
        writer.apply(receiver, status, FanoutStatus.of(receiver, handled, result.left(), result));
        return new Result(!result.complete());
    }
}
