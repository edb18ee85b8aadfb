package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pokes a Receiver's targets once for the events it recorded since the last poke, then
 * records status.handledEventCount, so that neither a retry nor a restart pokes again for
 * them. A target that could not be poked keeps the count where it was and is retried with
 * backoff; a refused target (another namespace) is reported and skipped.
 */
@Singleton
class FanoutReconciler implements Reconciler {
    static final String TARGETS_POKED = Fanout.POKED;
    private static final Logger LOG = LoggerFactory.getLogger(FanoutReconciler.class);

    private final FanoutReceivers receivers;
    private final Fanout fanout;
    private final FanoutStatusWriter statusWriter;
    private final PokedCounts poked = new PokedCounts();

    FanoutReconciler(FanoutReceivers receivers, Fanout fanout, FanoutStatusWriter statusWriter) {
        this.receivers = receivers;
        this.fanout = fanout;
        this.statusWriter = statusWriter;
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Receiver receiver = receivers.cache().get(request.getNamespace(), request.getName());
        if (receiver == null) {
            poked.forget(request.getNamespace(), request.getName());
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
        long handled = Math.max(status.getHandledEventCount(), poked.of(receiver));
        if (eventCount > handled && !receiver.getSpec().getResources().isEmpty()) {
            return pokeNewEvents(receiver, status);
        }
        if (handled > status.getHandledEventCount()) {
            // poked, but the status write is not in the cache yet, or it failed
            statusWriter.write(receiver, handled, null);
        } else if (FanoutReceivers.changedSinceReported(receiver)) {
            statusWriter.write(receiver, handled, fanout.check(receiver.getMetadata().getNamespace(),
                    receiver.getSpec().getResources()));
        }
        return new Result(false);
    }

    private Result pokeNewEvents(V1alpha1Receiver receiver, V1alpha1ReceiverStatus status) throws ApiException {
        FanoutResult result = fanout.poke(receiver, receiver.getSpec().getResources(), Poke.of(status.getLastEvent()),
                NewEvents.of(status, Math.max(status.getHandledEventCount(), poked.of(receiver))));
        if (result.complete()) {
            poked.record(receiver, status.getEventCount());
        }
        statusWriter.write(receiver, result.complete() ? status.getEventCount() : status.getHandledEventCount(), result);
        return new Result(!result.complete());
    }
}
