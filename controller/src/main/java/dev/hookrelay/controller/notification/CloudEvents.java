package dev.hookrelay.controller.notification;

import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Alert;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * cloudevents: CloudEvents 1.0 in binary mode (attributes as ce- headers, the data as the JSON
 * body) to the address or the resolved sinkRef. A delivery a Receiver recorded becomes
 * type dev.hookrelay.&lt;provider&gt;.&lt;event&gt;, source the Receiver, subject the repository
 * or image, id the delivery id, data the delivery's summary; any other event becomes
 * type dev.hookrelay.&lt;kind&gt;.&lt;reason&gt;, source the object, data the Flux event.
 */
final class CloudEvents implements Notifier {
    static final String TYPE = "cloudevents";

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        Map<String, String> metadata = event.metadata();
        boolean delivery = "Receiver".equals(event.involvedObject().kind())
                && HookrelayEventMetadata.DELIVERY_RECORDED.equals(event.reason())
                && metadata.containsKey(HookrelayEventMetadata.DELIVERY_ID);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce-specversion", "1.0");
        String body;
        if (delivery) {
            headers.put("ce-id", metadata.get(HookrelayEventMetadata.DELIVERY_ID));
            headers.put("ce-type", "dev.hookrelay." + metadata.get(HookrelayEventMetadata.PROVIDER) + "."
                    + metadata.getOrDefault(HookrelayEventMetadata.EVENT_TYPE, "delivery").strip().replaceAll("\\s+", "-"));
            String subject = metadata.getOrDefault(HookrelayEventMetadata.REPOSITORY, metadata.get(HookrelayEventMetadata.IMAGE));
            if (subject != null) {
                headers.put("ce-subject", subject);
            }
            body = deliveryData(event).toString();
        } else {
            headers.put("ce-id", event.id());
            headers.put("ce-type", "dev.hookrelay." + event.involvedObject().kind().toLowerCase(Locale.ROOT) + "." + event.reason());
            if (event.revision() != null) {
                headers.put("ce-subject", event.revision());
            }
            body = FluxEventJson.write(event).toString();
        }
        headers.put("ce-source", SourceKinds.path(event.involvedObject()));
        headers.put("ce-time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.timestamp()));
        return List.of(OutboundRequest.postJson(endpoint.addressUri(), headers, body));
    }

    /** The delivery as the Receiver's status.lastEvent holds it. */
    private static JsonObject deliveryData(FluxEvent event) {
        JsonObject data = new JsonObject();
        Map<String, String> metadata = event.metadata();
        data.addProperty("id", metadata.get(HookrelayEventMetadata.DELIVERY_ID));
        data.addProperty("type", metadata.get(HookrelayEventMetadata.EVENT_TYPE));
        data.addProperty("provider", metadata.get(HookrelayEventMetadata.PROVIDER));
        for (String key : List.of(HookrelayEventMetadata.RECEIVED_AT, HookrelayEventMetadata.REPOSITORY, "ref", "revision",
                HookrelayEventMetadata.IMAGE, "tag", "sender", "action")) {
            if (metadata.containsKey(key)) {
                data.addProperty(key, metadata.get(key));
            }
        }
        return data;
    }
}
