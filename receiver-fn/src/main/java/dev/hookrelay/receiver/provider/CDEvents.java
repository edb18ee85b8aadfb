package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;
import java.util.Base64;
import java.util.Set;

/**
 * CDEvents carried as CloudEvents over HTTP, in either content mode:
 * <ul>
 *   <li>binary: the CloudEvent attributes in {@code ce-id}, {@code ce-type}, {@code ce-source},
 *       {@code ce-specversion} headers and the CDEvent as the JSON body
 *       ({@code application/json} or {@code application/cdevents+json});</li>
 *   <li>structured: an {@code application/cloudevents+json} body with {@code id}, {@code type},
 *       {@code source} and the CDEvent in {@code data} (or base64 JSON in {@code data_base64}).</li>
 * </ul>
 * CloudEvents defines no authentication, so the sender signs the body as for
 * {@link GenericHmac} ({@code X-Signature}) or, failing that, sends
 * {@code Authorization: Bearer <token>}. The event type is the CloudEvent type
 * ({@code dev.cdevents.change.merged.0.2.0}), the id the CloudEvent id; the summary comes from
 * the CDEvent's {@code subject}.
 */
final class CDEvents implements Provider {
    static final String STRUCTURED = "application/cloudevents+json";
    private static final String HOW = "sign the body and send " + GenericHmac.HEADER
            + ": sha256=<hex>, or send Authorization: Bearer <the Receiver's token>";
    private static final TokenHeader BEARER = TokenHeader.bearer(HOW);

    @Override
    public String type() {
        return "cdevents";
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/json", "application/cdevents+json", STRUCTURED);
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        if (request.header(GenericHmac.HEADER).isPresent()) {
            GenericHmac.verifySignature(request, token, HOW);
        } else {
            BEARER.verify(request, token);
        }
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        if (STRUCTURED.equals(request.mediaType())) {
            JsonNode event = Json.object(request.body());
            return summary(attribute(event, "id"), attribute(event, "type"), data(event));
        }
        return summary(header(request, "ce-id"), header(request, "ce-type"), Json.object(request.body()));
    }

    /**
     * The CDEvent subject says what changed: a repository, a branch or change in one, an
     * artifact (whose id is a package URL), ... The predicate is the fourth part of the type,
     * {@code dev.cdevents.<subject>.<predicate>.<version>}.
     */
    private static DeliveryDescription summary(String id, String type, JsonNode cdevent) {
        JsonNode subject = Json.at(cdevent, "subject");
        String kind = Json.text(subject, "type");
        String subjectId = Json.text(subject, "id");
        String repository = "repository".equals(kind)
                ? subjectId
                : Json.text(subject, "content", "repository", "id");
        String ref = "branch".equals(kind) || "change".equals(kind) ? subjectId : null;
        String image = "artifact".equals(kind) ? subjectId : null;
        String[] parts = type.split("\\.");
        String predicate = parts.length > 3 && type.startsWith("dev.cdevents.") ? parts[3] : null;
        return new DeliveryDescription(id, type, repository, ref, null, image, null, null, predicate);
    }

    private static String header(WebhookRequest request, String name) throws MalformedPayloadException {
        String value = request.header(name).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException("missing " + name + " header: a CloudEvent in binary mode carries"
                    + " its attributes in ce- headers; send it in structured mode as " + STRUCTURED + " otherwise");
        }
        return value;
    }

    private static String attribute(JsonNode event, String name) throws MalformedPayloadException {
        String value = Json.text(event, name);
        if (value == null || value.isBlank()) {
            throw new MalformedPayloadException("CloudEvent has no " + name + " attribute");
        }
        return value;
    }

    /** The CDEvent inside a structured CloudEvent, or null when it carries none as JSON. */
    private static JsonNode data(JsonNode event) throws MalformedPayloadException {
        JsonNode data = Json.at(event, "data");
        if (data != null && data.isObject()) {
            return data;
        }
        String base64 = Json.text(event, "data_base64");
        if (base64 == null) {
            return null;
        }
        try {
            return Json.object(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new MalformedPayloadException("CloudEvent data_base64 is not base64");
        }
    }
}
