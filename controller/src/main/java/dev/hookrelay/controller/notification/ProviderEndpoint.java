package dev.hookrelay.controller.notification;

import dev.hookrelay.api.filter.EventFilter;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A Provider with its Secret read: everything needed to send to it. It holds credentials, so
 * {@link #toString()} names only the Provider.
 */
public final class ProviderEndpoint {
    private final String namespace;
    private final String name;
    private final String uid;
    private final String type;
    private final String address;
    private final String channel;
    private final String username;
    private final String token;
    private final String password;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final EventFilter commitStatusKey;
    private final HttpClient client;

    ProviderEndpoint(String namespace, String name, String uid, String type, String address, String channel,
                     String username, String token, String password, Map<String, String> headers, Duration timeout,
                     @Nullable EventFilter commitStatusKey, HttpClient client) {
        this.namespace = namespace;
        this.name = name;
        this.uid = uid;
        this.type = type;
        this.address = address;
        this.channel = channel;
        this.username = username;
        this.token = token;
        this.password = password;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.commitStatusKey = commitStatusKey;
        this.client = client;
    }

    /** namespace/name of the Provider, for logs and metrics. */
    public String key() {
        return namespace + "/" + name;
    }

    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public String uid() {
        return uid;
    }

    public String type() {
        return type;
    }

    /** The address, or empty. */
    public String address() {
        return address == null ? "" : address;
    }

    /** The address as a URI; a Provider type that needs one says so. */
    public URI addressUri() throws NotifierException {
        if (address().isEmpty()) {
            throw new NotifierException("Provider " + key() + " has no address; set spec.address or the Secret's `address` key");
        }
        try {
            URI uri = URI.create(address);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new NotifierException("the address of Provider " + key() + " is not an http(s) URL");
        }
    }

    public String channel() {
        return channel == null ? "" : channel;
    }

    public String username() {
        return username == null ? "" : username;
    }

    public String token() {
        return token == null ? "" : token;
    }

    public String password() {
        return password == null ? "" : password;
    }

    /** Extra headers from the Secret's `headers` key. */
    public Map<String, String> headers() {
        return headers;
    }

    public Duration timeout() {
        return timeout;
    }

    /** spec.commitStatusExpr, compiled; empty when Flux's default key applies. */
    public Optional<EventFilter> commitStatusKey() {
        return Optional.ofNullable(commitStatusKey);
    }

    HttpClient client() {
        return client;
    }

    /** The token, or a NotifierException saying the Secret needs one. */
    public String requiredToken() throws NotifierException {
        if (token().isEmpty()) {
            throw new NotifierException("Provider " + key() + " of type " + type + " needs a token: add a `token` key to its Secret");
        }
        return token;
    }

    /** The channel, or a NotifierException saying the Provider needs one. */
    public String requiredChannel(String what) throws NotifierException {
        if (channel().isEmpty()) {
            throw new NotifierException("Provider " + key() + " of type " + type + " needs spec.channel: " + what);
        }
        return channel;
    }

    @Override
    public String toString() {
        return "Provider " + key() + " (" + type + ")";
    }
}
