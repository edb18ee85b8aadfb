package dev.hookrelay.controller.notification;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Alert;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alerting, incident and observability tools. What differs per tool is data: its endpoint,
 * authentication and body, as its API documents it; errors raise, info records or resolves.
 */
final class IncidentTools implements Notifier {

    static List<String> types() {
        return Arrays.stream(Tool.values()).map(t -> t.name().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        return List.of(Tool.valueOf(endpoint.type().toUpperCase(Locale.ROOT)).shape.request(event, endpoint));
    }

    private enum Tool {
        /** Alertmanager API v2: POST a list of one alert to the address (…/api/v2/alerts). */
        ALERTMANAGER((event, endpoint) -> {
            JsonObject labels = new JsonObject();
            labels.addProperty("alertname", "Flux" + event.involvedObject().kind() + capitalized(event.reason()));
            labels.addProperty("severity", event.severity());
            labels.addProperty("reason", event.reason());
            labels.addProperty("kind", event.involvedObject().kind());
            labels.addProperty("name", event.involvedObject().name());
            labels.addProperty("namespace", event.involvedObject().namespace());
            EventText.fields(event).forEach((key, value) -> {
                if (!key.equals("summary")) {
                    labels.addProperty(key.replaceAll("[^a-zA-Z0-9_]", "_"), value);
                }
            });
            JsonObject annotations = new JsonObject();
            annotations.addProperty("message", event.message());
            if (event.metadata().containsKey("summary")) {
                annotations.addProperty("summary", event.metadata().get("summary"));
            }
            JsonObject alert = new JsonObject();
            alert.add("labels", labels);
            alert.add("annotations", annotations);
            alert.addProperty("startsAt", time(event));
            JsonArray alerts = new JsonArray();
            alerts.add(alert);
            return OutboundRequest.postJson(endpoint.addressUri(), optionalAuthorization(endpoint), alerts.toString());
        }),
        /** Opsgenie Alert API: POST /v2/alerts with Authorization: GenieKey; address defaults to https://api.opsgenie.com/v2/alerts. */
        OPSGENIE((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("message", EventText.truncate(EventText.title(event) + ": " + event.reason(), 130));
            body.addProperty("description", event.message());
            body.addProperty("alias", event.objectKey());
            body.addProperty("source", event.reportingController());
            body.add("details", object(EventText.fields(event)));
            JsonArray tags = new JsonArray();
            tags.add("flux");
            tags.add(event.severity());
            body.add("tags", tags);
            return OutboundRequest.postJson(addressOr(endpoint, "https://api.opsgenie.com/v2/alerts"),
                    Map.of("Authorization", "GenieKey " + endpoint.requiredToken()), body.toString());
        }),
        /** PagerDuty Events API v2: trigger on error, resolve on info, deduplicated per object; spec.channel is the routing key. */
        PAGERDUTY((event, endpoint) -> {
            JsonObject payload = new JsonObject();
            payload.addProperty("summary", EventText.truncate(EventText.title(event) + ": " + event.message(), 1024));
            payload.addProperty("source", event.reportingController());
            payload.addProperty("severity", event.isError() ? "error" : "info");
            payload.addProperty("timestamp", time(event));
            payload.addProperty("component", event.involvedObject().name());
            payload.addProperty("group", event.involvedObject().kind());
            payload.add("custom_details", object(EventText.fields(event)));
            JsonObject body = new JsonObject();
            body.addProperty("routing_key", endpoint.requiredChannel("the integration's routing key"));
            body.addProperty("event_action", event.isError() ? "trigger" : "resolve");
            body.addProperty("dedup_key", event.objectKey());
            body.add("payload", payload);
            return OutboundRequest.postJson(addressOr(endpoint, "https://events.pagerduty.com/v2/enqueue"), Map.of(),
                    body.toString());
        }),
        /** Datadog Events API: POST /api/v1/events with DD-API-KEY; address is the site, default https://api.datadoghq.com. */
        DATADOG((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("title", EventText.title(event) + ": " + event.reason());
            body.addProperty("text", event.message());
            body.addProperty("alert_type", event.isError() ? "error" : "info");
            body.addProperty("source_type_name", "fluxcd");
            body.addProperty("aggregation_key", event.objectKey());
            body.add("tags", tags(event, ":"));
            String site = endpoint.address().isEmpty() ? "https://api.datadoghq.com"
                    : endpoint.addressUri().toString().replaceAll("/+$", "");
            return OutboundRequest.postJson(URI.create(site + "/api/v1/events"),
                    Map.of("DD-API-KEY", endpoint.requiredToken()), body.toString());
        }),
        /** Sentry envelope endpoint of the DSN in the address (https://key@host/project); spec.channel is the environment. */
        SENTRY((event, endpoint) -> {
            URI dsn = endpoint.addressUri();
            String key = dsn.getUserInfo();
            String project = dsn.getPath() == null ? "" : dsn.getPath().replaceAll("^.*/", "");
            if (key == null || project.isEmpty()) {
                throw new NotifierException("the address of Provider " + endpoint.key()
                        + " must be a Sentry DSN such as https://<key>@o1.ingest.sentry.io/<project>");
            }
            String port = dsn.getPort() > 0 ? ":" + dsn.getPort() : "";
            String eventId = event.id();
            JsonObject message = new JsonObject();
            message.addProperty("formatted", event.message());
            JsonObject sentryEvent = new JsonObject();
            sentryEvent.addProperty("event_id", eventId);
            sentryEvent.addProperty("timestamp", time(event));
            sentryEvent.addProperty("level", event.isError() ? "error" : "info");
            sentryEvent.addProperty("platform", "other");
            sentryEvent.addProperty("logger", event.reportingController());
            sentryEvent.add("message", message);
            if (!endpoint.channel().isEmpty()) {
                sentryEvent.addProperty("environment", endpoint.channel());
            }
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("kind", event.involvedObject().kind());
            tags.put("name", event.involvedObject().name());
            tags.put("namespace", event.involvedObject().namespace());
            tags.put("reason", event.reason());
            sentryEvent.add("tags", object(tags));
            sentryEvent.add("extra", object(EventText.fields(event)));
            JsonObject header = new JsonObject();
            header.addProperty("event_id", eventId);
            String envelope = header + "\n{\"type\":\"event\"}\n" + sentryEvent + "\n";
            return new OutboundRequest("POST", URI.create(dsn.getScheme() + "://" + dsn.getHost() + port + "/api/" + project
                    + "/envelope/"), Map.of("Content-Type", "application/x-sentry-envelope", "X-Sentry-Auth",
                    "Sentry sentry_version=7, sentry_client=hookrelay/0.1, sentry_key=" + key),
                    envelope.getBytes(StandardCharsets.UTF_8));
        }),
        /** Grafana HTTP API: POST an annotation to the address (…/api/annotations), service account token or basic auth. */
        GRAFANA((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("time", event.timestamp().toInstant().toEpochMilli());
            body.addProperty("text", EventText.title(event) + ": " + event.message());
            JsonArray tags = tags(event, ":");
            tags.add("flux");
            body.add("tags", tags);
            return OutboundRequest.postJson(endpoint.addressUri(), optionalAuthorization(endpoint), body.toString());
        });

        private final EventShape shape;

        Tool(EventShape shape) {
            this.shape = shape;
        }
    }

    /** Bearer with a token, basic with username and password, nothing otherwise. */
    private static Map<String, String> optionalAuthorization(ProviderEndpoint endpoint) {
        if (!endpoint.token().isEmpty()) {
            return Map.of("Authorization", "Bearer " + endpoint.token());
        }
        if (!endpoint.username().isEmpty() && !endpoint.password().isEmpty()) {
            return Map.of("Authorization", BasicAuth.of(endpoint.username(), endpoint.password()));
        }
        return Map.of();
    }

    private static URI addressOr(ProviderEndpoint endpoint, String fallback) throws NotifierException {
        return endpoint.address().isEmpty() ? URI.create(fallback) : endpoint.addressUri();
    }

    private static JsonArray tags(FluxEvent event, String separator) {
        JsonArray tags = new JsonArray();
        tags.add("kind" + separator + event.involvedObject().kind());
        tags.add("name" + separator + event.involvedObject().name());
        tags.add("namespace" + separator + event.involvedObject().namespace());
        tags.add("reason" + separator + event.reason());
        EventText.fields(event).forEach((key, value) -> tags.add(key + separator + value));
        return tags;
    }

    private static JsonObject object(Map<String, String> values) {
        JsonObject object = new JsonObject();
        values.forEach(object::addProperty);
        return object;
    }

    private static String time(FluxEvent event) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.timestamp());
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
