package dev.hookrelay.controller.registration;

import dev.hookrelay.controller.kube.ControllerName;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON over HTTP to one provider's API, with its credentials in the headers it expects, and
 * every failure turned into a {@link ProviderException} that says what to fix: 401 and 403
 * (naming the scope the provider needs), 404, 400/409/422 (with the provider's own message),
 * rate limits (with the time the provider says to come back), 5xx and network errors (retried).
 */
final class ProviderHttp {
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MESSAGE_MAX = 400;

    private final HttpClient client;
    private final Duration timeout;
    private final String product;
    private final HookLocation location;
    private final AuthHeaders auth;
    private final String scopeHint;

    /** The headers that authenticate one request; asked for each request (tokens can expire). */
    @FunctionalInterface
    interface AuthHeaders {
        Map<String, String> get();
    }

    /** {@code scopeHint} says what the token needs, for 403 answers, for example "the admin:repo_hook scope". */
    ProviderHttp(HttpClient client, Duration timeout, String product, HookLocation location, AuthHeaders auth,
                 String scopeHint) {
        this.client = client;
        this.timeout = timeout;
        this.product = product;
        this.location = location;
        this.auth = auth;
        this.scopeHint = scopeHint;
    }

    record Response(int status, JsonElement body, HttpHeaders headers) {
        /** The next page's URL from a {@code Link: <...>; rel="next"} header. */
        Optional<String> nextLink() {
            for (String link : headers.allValues("Link")) {
                Matcher next = NEXT_LINK.matcher(link);
                if (next.find()) {
                    return Optional.of(next.group(1));
                }
            }
            return Optional.empty();
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create(location.apiUrl() + pathAndQuery);
    }

    Response send(String method, URI uri, @Nullable JsonElement body) {
        requireSameOrigin(uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", ControllerName.VALUE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        auth.get().forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException("ProviderUnreachable", product + " at " + location.apiUrl()
                    + " could not be reached (" + e.getClass().getSimpleName() + (e.getMessage() == null ? ""
                    : ": " + e.getMessage()) + "); retrying with backoff", 0, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException("ProviderUnreachable", "interrupted while calling " + product, 0, true, null);
        }
        JsonElement json = parse(response.body());
        if (response.statusCode() / 100 == 2) {
            return new Response(response.statusCode(), json, response.headers());
        }
        throw failure(method, response.statusCode(), json, response.headers());
    }

    Response send(String method, String pathAndQuery, @Nullable JsonElement body) {
        return send(method, uri(pathAndQuery), body);
    }

    /** The items of a JSON array that may span pages linked by {@code Link: <...>; rel="next"} headers. */
    java.util.List<JsonObject> pages(String firstPathAndQuery) {
        java.util.List<JsonObject> items = new java.util.ArrayList<>();
        URI next = uri(firstPathAndQuery);
        while (next != null) {
            Response page = send("GET", next, null);
            if (page.body().isJsonArray()) {
                page.body().getAsJsonArray().forEach(item -> items.add(item.getAsJsonObject()));
            }
            next = page.nextLink().map(URI::create).orElse(null);
        }
        return items;
    }

    /** The object at the path, or empty on 404. */
    Optional<JsonObject> find(String pathAndQuery) {
        try {
            return Optional.of(send("GET", pathAndQuery, null).body().getAsJsonObject());
        } catch (ProviderException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Deletes what is at the path; already gone (404) is fine. */
    void deleteIfPresent(String pathAndQuery) {
        try {
            send("DELETE", pathAndQuery, null);
        } catch (ProviderException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    /** Pages (Link headers, next cursors) are followed only on the API the credentials are for. */
    private void requireSameOrigin(URI uri) {
        URI api = URI.create(location.apiUrl());
        if (!api.getScheme().equalsIgnoreCase(uri.getScheme()) || !api.getHost().equalsIgnoreCase(uri.getHost())
                || api.getPort() != uri.getPort()) {
            throw new ProviderException("ProviderResponseInvalid", product + " pointed to " + uri.getScheme() + "://"
                    + uri.getHost() + ", outside " + location.apiUrl() + "; not following it with the credentials",
                    0, false, null);
        }
    }

    private ProviderException failure(String method, int status, JsonElement body, HttpHeaders headers) {
        String said = message(body);
        String where = location.describe();
        Instant retryAt = retryAt(headers);
        boolean exhausted = headers.firstValue("X-RateLimit-Remaining").map("0"::equals).orElse(false);
        if (status == 429 || (status == 403 && (exhausted || retryAt != null))) {
            return new ProviderException("RateLimited", product + " rate limit reached" + (retryAt == null ? ""
                    : "; trying again at " + retryAt) + (said.isEmpty() ? "" : " (" + said + ")"), status, true,
                    retryAt == null ? Instant.now().plusSeconds(60) : retryAt);
        }
        return switch (status) {
            case 401 -> new ProviderException("Unauthorized", product + " did not accept the credentials"
                    + (said.isEmpty() ? "" : " (" + said + ")") + "; put a valid token in the Secret named by"
                    + " spec.registration.credentialsRef", status, false, null);
            case 403 -> new ProviderException("Forbidden", product + " refused to let these credentials manage the"
                    + " webhooks of " + where + (said.isEmpty() ? "" : " (" + said + ")") + "; the token needs "
                    + scopeHint, status, false, null);
            case 404 -> new ProviderException("NotFound", product + " knows no " + where + ", or these credentials"
                    + " may not see it" + (said.isEmpty() ? "" : " (" + said + ")") + "; check spec.registration and"
                    + " that the token's owner has access (the token needs " + scopeHint + ")", status, false, null);
            case 400, 409, 422 -> new ProviderException("Rejected", product + " rejected the webhook (" + method + ", "
                    + status + ")" + (said.isEmpty() ? "" : ": " + said), status, false, null);
            default -> new ProviderException(status >= 500 ? "ProviderUnavailable" : "ProviderError", product
                    + " answered " + status + (said.isEmpty() ? "" : " (" + said + ")") + "; retrying with backoff",
                    status, status >= 500, null);
        };
    }

    /** When the provider says to come back: Retry-After, X-RateLimit-Reset (GitHub), RateLimit-Reset (GitLab). */
    @Nullable
    static Instant retryAt(HttpHeaders headers) {
        Optional<String> retryAfter = headers.firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            String value = retryAfter.get().trim();
            if (value.matches("\\d+")) {
                return Instant.now().plusSeconds(Long.parseLong(value));
            }
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        for (String name : new String[] {"X-RateLimit-Reset", "RateLimit-Reset"}) {
            Optional<String> reset = headers.firstValue(name).filter(v -> v.trim().matches("\\d+"));
            if (reset.isPresent()) {
                long value = Long.parseLong(reset.get().trim());
                // an epoch second (GitHub, GitLab), or seconds from now (the IETF draft's form)
                return value > 1_000_000_000L ? Instant.ofEpochSecond(value) : Instant.now().plusSeconds(value);
            }
        }
        return null;
    }

    private static JsonElement parse(String body) {
        if (body == null || body.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            return JsonParser.parseString(body);
        } catch (JsonParseException e) {
            return JsonNull.INSTANCE;
        }
    }

    /** The provider's own words: GitHub/Gitea/GitLab {@code message}, GitLab {@code error}, Bitbucket's error objects. */
    static String message(JsonElement body) {
        StringBuilder said = new StringBuilder();
        collect(body, said, 0);
        String text = said.toString().replaceAll("[;\\s]+$", "");
        return text.length() > MESSAGE_MAX ? text.substring(0, MESSAGE_MAX) + "…" : text;
    }

    private static void collect(JsonElement element, StringBuilder said, int depth) {
        if (depth > 4 || element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonArray()) {
            for (JsonElement item : (JsonArray) element) {
                collect(item, said, depth + 1);
            }
        } else if (element.isJsonObject()) {
            JsonObject object = element.getAsJsonObject();
            boolean known = false;
            for (String key : new String[] {"message", "error", "errors", "error_description", "detail"}) {
                if (object.has(key)) {
                    collect(object.get(key), said, depth + 1);
                    known = true;
                }
            }
            if (!known && depth > 0) {
                for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                    said.append(entry.getKey()).append(": ");
                    collect(entry.getValue(), said, depth + 1);
                }
            }
        } else if (element.isJsonPrimitive() && depth > 0) {
            said.append(element.getAsString()).append("; ");
        }
    }
}
