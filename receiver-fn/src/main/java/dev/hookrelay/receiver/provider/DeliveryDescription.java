package dev.hookrelay.receiver.provider;

/**
 * What one delivery says, without its payload: the provider's delivery id (null where the
 * provider sends none), the event type, and what changed. Fields the provider does not carry
 * are null.
 */
public record DeliveryDescription(
        String id,
        String type,
        String repository,
        String ref,
        String revision,
        String image,
        String tag,
        String sender,
        String action) {

    public static DeliveryDescription of(String id, String type) {
        return new DeliveryDescription(id, type, null, null, null, null, null, null, null);
    }
}
