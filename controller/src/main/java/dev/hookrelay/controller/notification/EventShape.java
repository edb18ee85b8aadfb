package dev.hookrelay.controller.notification;

/** How one service of a family turns an event into its request: the data each family's enum holds. */
@FunctionalInterface
interface EventShape {
    OutboundRequest request(FluxEvent event, ProviderEndpoint endpoint) throws NotifierException;
}
