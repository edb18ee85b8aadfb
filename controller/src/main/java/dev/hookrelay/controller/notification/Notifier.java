package dev.hookrelay.controller.notification;

import java.util.List;

/** One family of Provider types: how an event becomes the requests its service documents. */
public interface Notifier {

    /** The requests to send, in order, for this event; usually one. */
    List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint) throws NotifierException;
}
