package dev.hookrelay.controller.notification;

/** The metadata keys of Hookrelay's own events that Providers read. */
final class HookrelayEventMetadata {
    /** Reason of the event sent when a Receiver records a delivery. */
    static final String DELIVERY_RECORDED = "DeliveryRecorded";
    static final String DELIVERY_ID = "deliveryId";
    static final String PROVIDER = "provider";
    static final String EVENT_TYPE = "eventType";
    static final String RECEIVED_AT = "receivedAt";
    static final String REPOSITORY = "repository";
    static final String IMAGE = "image";

    private HookrelayEventMetadata() {
    }
}
