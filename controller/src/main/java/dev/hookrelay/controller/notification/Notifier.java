package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Alert;
import java.util.List;

/** One family of Provider types: how an event becomes the requests its service documents. */
public interface Notifier {

    /** The requests to send, in order, for this event that this Alert routed; usually one. */
    List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException;
}
