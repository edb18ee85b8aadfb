package dev.hookrelay.receiver.provider;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The parts of an HTTP delivery that a provider looks at. Header names are case-insensitive. */
public final class WebhookRequest {
    private final Map<String, String> headers;
    private final String mediaType;
    private final byte[] body;

    /**
     * @param headers   first value of each header
     * @param mediaType the Content-Type without parameters, lower case; empty when absent
     */
    public WebhookRequest(Map<String, String> headers, String mediaType, byte[] body) {
        this.headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        this.mediaType = mediaType;
        this.body = body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
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

    /** First value of each header, names in lower case. */
    public Map<String, String> headers() {
        return headers;
    }
}
