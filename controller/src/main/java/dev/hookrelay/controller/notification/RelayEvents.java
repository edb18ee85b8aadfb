package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Relay;
import dev.hookrelay.api.V1alpha1RelayStatus;
import dev.hookrelay.controller.kube.Conditions;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micronaut.context.annotation.Context;
import java.util.Objects;

/**
 * Events about Relays: RelayCaughtUp when a Relay has poked its targets for new hub events
 * (handledEventCount grew), and an error when Ready or HubReachable turns False or fails for a
 * new reason.
 */
@Context
class RelayEvents implements ResourceEventHandler<V1alpha1Relay> {
    private final OwnEvents events;

    RelayEvents(NotificationCaches caches, OwnEvents events) {
        this.events = events;
        caches.relays().addEventHandler(this);
    }

    @Override
    public void onAdd(V1alpha1Relay relay) {
        // only changes are sent
    }

    @Override
    public void onUpdate(V1alpha1Relay before, V1alpha1Relay after) {
        if (!events.leading() || Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
            return;
        }
        V1alpha1RelayStatus was = before.getStatus() == null ? new V1alpha1RelayStatus() : before.getStatus();
        V1alpha1RelayStatus now = after.getStatus() == null ? new V1alpha1RelayStatus() : after.getStatus();
        if (now.getHandledEventCount() > was.getHandledEventCount()) {
            events.send(after, FluxEvent.INFO, "RelayCaughtUp", "Caught up with hub Receiver "
                    + after.getSpec().getHub().getNamespace() + "/" + after.getSpec().getHub().getReceiver() + " at event "
                    + now.getHandledEventCount() + " and poked spec.resources", OwnEvents.metadata(now.getLastEvent()));
        }
        for (String type : new String[] {"HubReachable", "Ready"}) {
            V1Condition current = Conditions.find(now.getConditions(), type);
            V1Condition previous = Conditions.find(was.getConditions(), type);
            if (current != null && "False".equals(current.getStatus()) && (previous == null
                    || !"False".equals(previous.getStatus()) || !Objects.equals(previous.getReason(), current.getReason()))) {
                events.send(after, FluxEvent.ERROR, current.getReason(), current.getMessage(), OwnEvents.metadata(now.getLastEvent()));
                return;
            }
        }
    }

    @Override
    public void onDelete(V1alpha1Relay relay, boolean finalStateUnknown) {
        // a deleted Relay follows nothing more
    }
}
