package dev.hookrelay.receiver.provider;

import io.micronaut.json.tree.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Azure DevOps service hooks (Web Hooks consumer): HTTP basic authentication whose password is
 * the Receiver's token (the user name is not checked); the event is the payload's
 * {@code eventType} ({@code git.push}) and the id its {@code id}.
 */
final class AzureDevOps implements Provider {
    private static final String HEADER = "Authorization";
    private static final String FORM = "Basic <base64 of user:password>";

    @Override
    public String type() {
        return "azure-devops";
    }

    @Override
    public void verify(WebhookRequest request, byte[] token) throws VerificationException {
        String value = Signatures.header(request, HEADER, "Azure DevOps sends the service hook's basic"
                + " authentication in it; set the password to the Receiver's token");
        String credentials = Signatures.afterPrefix(HEADER, value, "Basic ", FORM);
        String userAndPassword;
        try {
            userAndPassword = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(HEADER, HEADER + " is not of the form " + FORM);
        }
        int colon = userAndPassword.indexOf(':');
        if (colon < 0) {
            throw new VerificationException(HEADER, HEADER + " is not of the form " + FORM);
        }
        Signatures.checkToken("The password in " + HEADER, userAndPassword.substring(colon + 1), token);
    }

    @Override
    public DeliveryDescription describe(WebhookRequest request) throws MalformedPayloadException {
        JsonNode json = Json.object(request.body());
        JsonNode resource = Json.at(json, "resource");
        return new DeliveryDescription(
                Deliveries.id(Json.text(json, "id")),
                Deliveries.eventField(Json.text(json, "eventType"), "eventType", "Azure DevOps"),
                Json.text(resource, "repository", "name"),
                Json.text(resource, "refUpdates", "0", "name"),
                Json.text(resource, "refUpdates", "0", "newObjectId"),
                null,
                null,
                Json.text(resource, "pushedBy", "uniqueName"),
                null);
    }
}
