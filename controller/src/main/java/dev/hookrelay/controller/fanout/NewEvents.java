package dev.hookrelay.controller.fanout;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import java.util.List;

/**
 * The events one poke is for: those a Receiver recorded after the handled count, as far as
 * its status.recentEvents (newest first, bounded) still holds them. When it no longer holds all
 * of them, the list is incomplete and a target filter cannot rule a target out.
 */
public record NewEvents(List<V1alpha1ReceivedEvent> known, boolean complete) {

    public static NewEvents of(V1alpha1ReceiverStatus status, long handled) {
        long count = Math.max(0, status.getEventCount() - handled);
        List<V1alpha1ReceivedEvent> recent = status.getRecentEvents();
        return new NewEvents(List.copyOf(recent.subList(0, (int) Math.min(count, recent.size()))), count <= recent.size());
    }
}
