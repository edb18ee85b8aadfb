package dev.hookrelay.receiver.provider;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.type.Headers;
import io.micronaut.http.netty.NettyHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One delivery in a provider's documented format, for table-driven tests: the payload (a file
 * under {@code provider/} in the test resources), the headers the provider adds, how it proves
 * the token, and the {@link DeliveryDescription} it should describe to.
 */
final class Delivery {
    private String name;
    final String type;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String mediaType = "application/json";
    private byte[] body;
    private Auth auth = Auth.none();
    private boolean parsesBody = true;
    private DeliveryDescription expected;

    private Delivery(String name, String type, byte[] body) {
        this.name = name;
        this.type = type;
        this.body = body;
    }

    /** A delivery to a Receiver of {@code type} whose body is the payload file {@code resource}. */
    static Delivery of(String name, String type, String resource) {
        return new Delivery(name, type, payload(resource));
    }

    /** A delivery whose body is {@code body} as is. */
    static Delivery withBody(String name, String type, String body) {
        return new Delivery(name, type, body.getBytes(StandardCharsets.UTF_8));
    }

    Delivery header(String header, String value) {
        headers.put(header, value);
        return this;
    }

    Delivery mediaType(String value) {
        mediaType = value;
        return this;
    }

    /** Posts the body as a form, {@code payload=<urlencoded JSON>}, the way GitHub and Gitea do. */
    Delivery asForm() {
        body = formOf(body);
        mediaType = FormPayload.MEDIA_TYPE;
        name = name + ", form-encoded";
        return this;
    }

    Delivery auth(Auth value) {
        auth = value;
        return this;
    }

    /** The provider passes the body through unread (generic, generic-hmac). */
    Delivery unparsed() {
        parsesBody = false;
        return this;
    }

    Delivery expect(DeliveryDescription event) {
        expected = event;
        return this;
    }

    Auth auth() {
        return auth;
    }

    boolean parsesBody() {
        return parsesBody;
    }

    String mediaType() {
        return mediaType;
    }

    byte[] body() {
        return body.clone();
    }

    /** What the provider should describe; its id is null where the provider sends none. */
    DeliveryDescription expected() {
        return expected;
    }

    Provider provider() {
        return Providers.forType(type).orElseThrow();
    }

    /** The delivery as the provider sends it, proving {@code token}. */
    WebhookRequest signedWith(byte[] token) {
        return request(auth.headers(token, body), body);
    }

    /** The delivery proving {@code token} for its own body, but carrying {@code sent} instead. */
    WebhookRequest signedWith(byte[] token, byte[] sent) {
        return request(auth.headers(token, body), sent);
    }

    /** The delivery without the header that proves the token. */
    WebhookRequest withoutProof() {
        return request(Map.of(), body);
    }

    /** Another JSON document in place of the payload, posted and signed the same way. */
    Delivery withPayload(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Delivery copy = new Delivery(name, type, FormPayload.MEDIA_TYPE.equals(mediaType) ? formOf(bytes) : bytes);
        copy.headers.putAll(headers);
        copy.mediaType = mediaType;
        copy.auth = auth;
        copy.parsesBody = parsesBody;
        copy.expected = expected;
        return copy;
    }

    /** The HTTP headers the provider sends with this delivery, proving {@code token}. */
    Map<String, String> httpHeaders(byte[] token) {
        Map<String, String> all = httpHeadersWithoutProof();
        all.putAll(auth.headers(token, body));
        return all;
    }

    /** The HTTP headers of this delivery without the one that proves the token. */
    Map<String, String> httpHeadersWithoutProof() {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (!mediaType.isEmpty()) {
            all.put("Content-Type", mediaType);
        }
        return all;
    }

    /** Headers as Micronaut's Netty server hands them to the function, values as sent. */
    static Headers headers(Map<String, String> headers) {
        DefaultHttpHeaders sent = new DefaultHttpHeaders(false);
        headers.forEach(sent::add);
        return new NettyHttpHeaders(sent, ConversionService.SHARED);
    }

    private WebhookRequest request(Map<String, String> proof, byte[] sent) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(proof);
        return new WebhookRequest(headers(all), mediaType, sent);
    }

    @Override
    public String toString() {
        return name;
    }

    static byte[] payload(String resource) {
        try (InputStream in = Delivery.class.getResourceAsStream("/provider/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload provider/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] formOf(byte[] json) {
        return ("payload=" + URLEncoder.encode(new String(json, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }
}
