package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Events about Receivers, from the changes of their status: DeliveryRecorded for each new
 * delivery (eventCount grew; the new ones among recentEvents), TargetsPoked when the fan-out
 * handled them, and an error when TargetsPoked turns False or fails for a new reason. Only
 * changes are sent: a restart replays nothing.
 */
@Context
class ReceiverEvents implements ResourceEventHandler<V1alpha1Receiver> {
    private static final String TARGETS_POKED = "TargetsPoked";

    private final OwnEvents events;

    ReceiverEvents(NotificationCaches caches, OwnEvents events) {
        this.events = events;
        caches.receivers().addEventHandler(this);
    }

    @Override
    public void onAdd(V1alpha1Receiver receiver) {
        // what a Receiver held before the controller saw it was sent, or not, before
    }

    @Override
    public void onUpdate(V1alpha1Receiver before, V1alpha1Receiver after) {
        if (!events.leading() || Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
            return;
        }
        V1alpha1ReceiverStatus was = before.getStatus() == null ? new V1alpha1ReceiverStatus() : before.getStatus();
        V1alpha1ReceiverStatus now = after.getStatus() == null ? new V1alpha1ReceiverStatus() : after.getStatus();
        for (V1alpha1ReceivedEvent delivery : newDeliveries(was, now)) {
            events.send(after, FluxEvent.INFO, HookrelayEventMetadata.DELIVERY_RECORDED, OwnEvents.describe(delivery),
                    OwnEvents.metadata(delivery));
        }
        V1Condition poked = Conditions.find(now.getConditions(), TARGETS_POKED);
        V1Condition wasPoked = Conditions.find(was.getConditions(), TARGETS_POKED);
        if (now.getHandledEventCount() > was.getHandledEventCount() && poked != null && "True".equals(poked.getStatus())) {
            events.send(after, FluxEvent.INFO, TARGETS_POKED, poked.getMessage(), OwnEvents.metadata(now.getLastEvent()));
        } else if (poked != null && "False".equals(poked.getStatus())
                && (wasPoked == null || !"False".equals(wasPoked.getStatus()) || !Objects.equals(wasPoked.getReason(), poked.getReason()))) {
            events.send(after, FluxEvent.ERROR, poked.getReason(), poked.getMessage(), OwnEvents.metadata(now.getLastEvent()));
        }
    }

    @Override
    public void onDelete(V1alpha1Receiver receiver, boolean finalStateUnknown) {
        // a deleted Receiver records nothing more
    }

    /** The deliveries recorded since {@code was}, oldest first. */
    private static List<V1alpha1ReceivedEvent> newDeliveries(V1alpha1ReceiverStatus was, V1alpha1ReceiverStatus now) {
        long grown = now.getEventCount() - was.getEventCount();
        if (grown <= 0) {
            return List.of();
        }
        Set<String> known = was.getRecentEvents().stream().map(V1alpha1ReceivedEvent::getId).collect(Collectors.toSet());
        List<V1alpha1ReceivedEvent> fresh = new ArrayList<>();
        for (V1alpha1ReceivedEvent delivery : now.getRecentEvents()) {
            if (fresh.size() < grown && !known.contains(delivery.getId())) {
                fresh.add(0, delivery);
            }
        }
        if (fresh.isEmpty() && now.getLastEvent() != null) {
            fresh.add(now.getLastEvent());
        }
        return fresh;
    }
}
