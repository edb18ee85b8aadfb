package dev.hookrelay.receiver.provider;

import io.micronaut.core.type.Headers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parts of an HTTP delivery that a provider looks at. Header names are case-insensitive. */
public final class WebhookRequest {
    private final Headers headers;
    private final String mediaType;
    private final byte[] body;

    /** @param mediaType the Content-Type without parameters, lower case; empty when absent */
    public WebhookRequest(Headers headers, String mediaType, byte[] body) {
        this.headers = headers;
        this.mediaType = mediaType;
        this.body = body;
    }

    /** The header's first value. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String mediaType() {
        return mediaType;
    }

    public byte[] body() {
        return body;
    }

    /** The JSON document the delivery carries: the body, or the {@code payload} field of a form post. */
    public byte[] document() throws MalformedPayloadException {
        return FormPayload.isForm(this) ? FormPayload.payload(body) : body;
    }

    /** First value of each header, names in lower case: the {@code headers} of a filter expression. */
    public Map<String, String> headers() {
        Map<String, String> firstValues = new HashMap<>();
        for (String name : headers.names()) {
            firstValues.putIfAbsent(name.toLowerCase(Locale.ROOT), headers.get(name));
        }
        return firstValues;
    }
}
