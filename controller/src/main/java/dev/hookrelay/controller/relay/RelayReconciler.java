package dev.hookrelay.controller.relay;

import dev.hookrelay.api.V1alpha1PendingTargets;
import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayStatus;
import dev.hookrelay.controller.fanout.Fanout;
import dev.hookrelay.controller.fanout.FanoutResult;
import dev.hookrelay.controller.fanout.FanoutMemory;
import dev.hookrelay.controller.fanout.NewEvents;
import dev.hookrelay.controller.fanout.Poke;
import dev.hookrelay.controller.kube.Conditions;
import dev.hookrelay.controller.kube.KubeEvents;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each Relay following its hub Receiver and pokes the Relay's own targets, once, when
 * the hub's eventCount passes the count the Relay has handled, however many events that is
 * (after an outage, one poke catches up). Targets are poked by the same Fanout as a
 * Receiver's, and as for a Receiver only the targets that failed are retried. Conditions: HubReachable (can the hub be watched) and Ready (is every new hub
 * event acted on).
 */
@Singleton
class RelayReconciler implements Reconciler {
    static final String HUB_REACHABLE = "HubReachable";
    static final String READY = "Ready";
    private static final Logger LOG = LoggerFactory.getLogger(RelayReconciler.class);

    private final RelayCaches relays;
    private final HubWatches hubs;
    private final Fanout fanout;
    private final RelayStatusWriter statusWriter;
    private final KubeEvents events;
    private final FanoutMemory memory = new FanoutMemory();

    RelayReconciler(RelayCaches relays, HubWatches hubs, Fanout fanout, RelayStatusWriter statusWriter, KubeEvents events) {
        this.relays = relays;
        this.hubs = hubs;
        this.fanout = fanout;
        this.statusWriter = statusWriter;
        this.events = events;
    }

    @Override
    public Result reconcile(Request request) {
        V1alpha1Relay relay = relays.cache().get(request.getNamespace(), request.getName());
        if (relay == null || relay.getMetadata().getDeletionTimestamp() != null) {
            hubs.stop(request.getNamespace(), request.getName());
            memory.forget(request.getNamespace(), request.getName());
            return new Result(false);
        }
        try {
            if (relay.getSpec().isSuspend()) {
                hubs.stop(request.getNamespace(), request.getName());
                statusWriter.write(relay, suspended(relay));
                return new Result(false);
            }
            HubState hub = hubs.follow(relay);
            return hub == null ? new Result(false) : follow(relay, hub);
        } catch (ApiException e) {
            LOG.warn("Relay {}/{}: writing its status failed with {}; retrying with backoff",
                    request.getNamespace(), request.getName(), e.getCode());
            return new Result(true);
        }
    }

    private Result follow(V1alpha1Relay relay, HubState hub) throws ApiException {
        V1alpha1RelayStatus current = relay.getStatus() == null ? new V1alpha1RelayStatus() : relay.getStatus();
        V1alpha1Receiver receiver = hub.receiver();
        long hubCount = receiver == null ? current.getHubEventCount() : eventCount(receiver);
        long handled = Math.max(current.getHandledEventCount(), memory.handled(relay));
        V1alpha1PendingTargets left = memory.left(relay, current.getPendingTargets());
        if (receiver != null && hubCount < handled) {
            handled = hubCount; // the hub Receiver was recreated and counts from zero again
        }
        V1alpha1ReceivedEvent lastEvent = current.getLastEvent();
        FanoutResult result;
        if (receiver != null && hubCount > handled) {
            V1alpha1ReceivedEvent hubEvent = receiver.getStatus().getLastEvent();
            result = fanout.poke(relay, relay.getSpec().getResources(), Poke.of(hubEvent),
                    NewEvents.of(receiver.getStatus(), handled), hubCount, left);
            left = result.left();
            if (result.complete()) {
                handled = hubCount;
                lastEvent = hubEvent;
            }
            memory.record(relay, handled, left);
        } else {
            result = fanout.check(relay.getMetadata().getNamespace(), relay.getSpec().getResources());
            if (receiver != null) {
                left = null; // nothing new on the hub: nothing left to poke
                // every hub event is handled, so the hub's last is the last handled: true even when this
                // Relay's cached status is older than the write that recorded it (handled came from memory)
                if (receiver.getStatus() != null && receiver.getStatus().getLastEvent() != null) {
                    lastEvent = receiver.getStatus().getLastEvent();
                }
            }
        }
        V1alpha1RelayStatus status = new V1alpha1RelayStatus()
                .observedGeneration(Conditions.generation(relay))
                .conditions(conditions(relay, current.getConditions(), hub, result))
                .hubEventCount(hubCount).handledEventCount(handled).lastEvent(lastEvent).pendingTargets(left);
        announceHub(relay, current.getConditions(), hub);
        statusWriter.write(relay, status);
        return new Result(!result.complete());
    }

    private static List<V1Condition> conditions(V1alpha1Relay relay, List<V1Condition> previous, HubState hub,
                                                 FanoutResult result) {
        long generation = Conditions.generation(relay);
        V1Condition reachable = Conditions.next(previous, HUB_REACHABLE, hub.reachable(), hub.reason(), hub.message(),
                generation);
        V1Condition ready;
        if (hub.receiver() == null) {
            ready = Conditions.next(previous, READY, false, hub.reason(), hub.message(), generation);
        } else if (!result.ok()) {
            ready = Conditions.next(previous, READY, false, result.reason(), result.message(), generation);
        } else {
            ready = Conditions.next(previous, READY, true, "Succeeded", "Following " + HubAddress.of(relay).describe()
                    + "; spec.resources is poked on each new event", generation);
        }
        return List.of(reachable, ready);
    }

    /** An Event when the hub becomes reachable, or unreachable for a new reason. */
    private void announceHub(V1alpha1Relay relay, List<V1Condition> previous, HubState hub) {
        V1Condition before = Conditions.find(previous, HUB_REACHABLE);
        if (before != null && Objects.equals(before.getReason(), hub.reason())) {
            return;
        }
        if (hub.reachable()) {
            events.normal(relay, hub.reason(), hub.message());
        } else {
            events.warning(relay, hub.reason(), hub.message());
        }
    }

    private static V1alpha1RelayStatus suspended(V1alpha1Relay relay) {
        V1alpha1RelayStatus current = relay.getStatus() == null ? new V1alpha1RelayStatus() : relay.getStatus();
        String message = "spec.suspend is true: the Relay neither follows the hub nor pokes targets";
        long generation = Conditions.generation(relay);
        return new V1alpha1RelayStatus().observedGeneration(generation)
                .conditions(List.of(
                        Conditions.next(current.getConditions(), HUB_REACHABLE, "Unknown", "Suspended", message, generation),
                        Conditions.next(current.getConditions(), READY, false, "Suspended", message, generation)))
                .hubEventCount(current.getHubEventCount()).handledEventCount(current.getHandledEventCount())
                .lastEvent(current.getLastEvent()).pendingTargets(current.getPendingTargets());
    }

    private static long eventCount(V1alpha1Receiver receiver) {
        return receiver.getStatus() == null ? 0 : receiver.getStatus().getEventCount();
    }
}
