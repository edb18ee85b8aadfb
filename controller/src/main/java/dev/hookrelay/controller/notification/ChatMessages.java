package dev.hookrelay.controller.notification;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.hookrelay.api.V1alpha1Alert;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chat services. What they share (a title, the message, the metadata as fields, green or red
 * by severity) is {@link EventText}; what differs is data: each service's endpoint,
 * authentication and message shape, as its API documents it.
 */
final class ChatMessages implements Notifier {

    static List<String> types() {
        return Arrays.stream(Service.values()).map(Service::type).toList();
    }

    @Override
    public List<OutboundRequest> requests(FluxEvent event, ProviderEndpoint endpoint, V1alpha1Alert alert) throws NotifierException {
        return List.of(Service.valueOf(endpoint.type().toUpperCase(Locale.ROOT)).shape.request(event, endpoint));
    }

    private enum Service {
        /** Incoming webhook (the address), or chat.postMessage with a bot token and spec.channel. */
        SLACK((event, endpoint) -> {
            if (endpoint.token().isEmpty()) {
                return OutboundRequest.postJson(endpoint.addressUri(), Map.of(), slack(event, endpoint).toString());
            }
            endpoint.requiredChannel("the channel a bot token posts to");
            URI api = URI.create(baseOr(endpoint, "https://slack.com/api/chat.postMessage"));
            return OutboundRequest.postJson(api, Map.of("Authorization", "Bearer " + endpoint.token()),
                    slack(event, endpoint).toString());
        }),
        /** Discord's Slack-compatible webhook endpoint: the webhook URL with /slack. */
        DISCORD((event, endpoint) -> {
            URI address = endpoint.addressUri();
            URI slack = address.getPath().endsWith("/slack") ? address
                    : URI.create(address.toString().replaceAll("/+$", "") + "/slack");
            return OutboundRequest.postJson(slack, Map.of(), slack(event, endpoint).toString());
        }),
        /** Rocket.Chat incoming webhook, which takes Slack's message shape. */
        ROCKET((event, endpoint) -> OutboundRequest.postJson(endpoint.addressUri(), Map.of(), slack(event, endpoint).toString())),
        /** Microsoft Teams Workflows webhook: a message with an Adaptive Card. */
        MSTEAMS((event, endpoint) -> OutboundRequest.postJson(endpoint.addressUri(), Map.of(), teams(event).toString())),
        /** Google Chat space webhook: a text message. */
        GOOGLECHAT((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("text", EventText.plain(event));
            return OutboundRequest.postJson(endpoint.addressUri(), Map.of(), body.toString());
        }),
        /** Matrix client-server API: PUT m.room.message into the room spec.channel, with the event's id as transaction id, so a retried PUT posts once. */
        MATRIX((event, endpoint) -> {
            String room = URLEncoder.encode(endpoint.requiredChannel("the room id, for example !abc:matrix.org"),
                    StandardCharsets.UTF_8);
            URI uri = URI.create(base(endpoint) + "/_matrix/client/v3/rooms/" + room + "/send/m.room.message/"
                    + "hookrelay-" + event.id());
            JsonObject body = new JsonObject();
            body.addProperty("msgtype", "m.text");
            body.addProperty("body", EventText.plain(event));
            return OutboundRequest.json("PUT", uri, Map.of("Authorization", "Bearer " + endpoint.requiredToken()),
                    body.toString());
        }),
        /** Telegram Bot API sendMessage to the chat spec.channel; the address defaults to https://api.telegram.org. */
        TELEGRAM((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("chat_id", endpoint.requiredChannel("the chat id, for example @flux or -1001234"));
            body.addProperty("text", EventText.plain(event));
            URI uri = URI.create(baseOr(endpoint, "https://api.telegram.org") + "/bot" + endpoint.requiredToken()
                    + "/sendMessage");
            return OutboundRequest.postJson(uri, Map.of(), body.toString());
        }),
        /** Webex messages API: Markdown into the room spec.channel; the address defaults to https://webexapis.com/v1/messages. */
        WEBEX((event, endpoint) -> {
            JsonObject body = new JsonObject();
            body.addProperty("roomId", endpoint.requiredChannel("the room id"));
            body.addProperty("markdown", EventText.markdown(event));
            URI uri = URI.create(baseOr(endpoint, "https://webexapis.com/v1/messages"));
            return OutboundRequest.postJson(uri, Map.of("Authorization", "Bearer " + endpoint.requiredToken()), body.toString());
        }),
        /** Lark (Feishu) custom bot webhook: an interactive card. */
        LARK((event, endpoint) -> OutboundRequest.postJson(endpoint.addressUri(), Map.of(), lark(event).toString())),
        /** Zulip messages API: form-encoded, bot e-mail and API key; spec.channel is "stream" or "stream/topic". */
        ZULIP((event, endpoint) -> {
            String channel = endpoint.requiredChannel("the stream, or stream/topic");
            int slash = channel.indexOf('/');
            String stream = slash < 0 ? channel : channel.substring(0, slash);
            String topic = slash < 0 ? EventText.title(event) : channel.substring(slash + 1);
            String form = "type=stream&to=" + form(stream) + "&topic=" + form(topic) + "&content="
                    + form(EventText.markdown(event));
            return new OutboundRequest("POST", URI.create(base(endpoint) + "/api/v1/messages"),
                    Map.of("Authorization", BasicAuth.of(endpoint.username(), endpoint.requiredToken()), "Content-Type", "application/x-www-form-urlencoded"),
                    form.getBytes(StandardCharsets.UTF_8));
        });

        private final EventShape shape;

        Service(EventShape shape) {
            this.shape = shape;
        }

        String type() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Slack's message with one attachment, as its incoming webhooks and chat.postMessage take it. */
    private static JsonObject slack(FluxEvent event, ProviderEndpoint endpoint) {
        JsonObject attachment = new JsonObject();
        attachment.addProperty("color", event.isError() ? "danger" : "good");
        attachment.addProperty("author_name", EventText.title(event));
        attachment.addProperty("text", event.message());
        JsonArray markdownIn = new JsonArray();
        markdownIn.add("text");
        attachment.add("mrkdwn_in", markdownIn);
        JsonArray fields = new JsonArray();
        EventText.fields(event).forEach((key, value) -> {
            JsonObject field = new JsonObject();
            field.addProperty("title", key);
            field.addProperty("value", value);
            field.addProperty("short", false);
            fields.add(field);
        });
        if (!fields.isEmpty()) {
            attachment.add("fields", fields);
        }
        JsonObject message = new JsonObject();
        if (!endpoint.channel().isEmpty()) {
            message.addProperty("channel", endpoint.channel());
        }
        if (!endpoint.username().isEmpty()) {
            message.addProperty("username", endpoint.username());
        }
        JsonArray attachments = new JsonArray();
        attachments.add(attachment);
        message.add("attachments", attachments);
        return message;
    }

    private static JsonObject teams(FluxEvent event) {
        JsonArray body = new JsonArray();
        body.add(textBlock(EventText.title(event), true, event.isError() ? "Attention" : "Good"));
        body.add(textBlock(event.message(), false, null));
        JsonArray facts = new JsonArray();
        EventText.fields(event).forEach((key, value) -> {
            JsonObject fact = new JsonObject();
            fact.addProperty("title", key);
            fact.addProperty("value", value);
            facts.add(fact);
        });
        if (!facts.isEmpty()) {
            JsonObject factSet = new JsonObject();
            factSet.addProperty("type", "FactSet");
            factSet.add("facts", facts);
            body.add(factSet);
        }
        JsonObject card = new JsonObject();
        card.addProperty("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.addProperty("type", "AdaptiveCard");
        card.addProperty("version", "1.4");
        card.add("body", body);
        JsonObject attachment = new JsonObject();
        attachment.addProperty("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.add("content", card);
        JsonArray attachments = new JsonArray();
        attachments.add(attachment);
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.add("attachments", attachments);
        return message;
    }

    private static JsonObject textBlock(String text, boolean bold, String color) {
        JsonObject block = new JsonObject();
        block.addProperty("type", "TextBlock");
        block.addProperty("text", text);
        block.addProperty("wrap", true);
        if (bold) {
            block.addProperty("weight", "Bolder");
        }
        if (color != null) {
            block.addProperty("color", color);
        }
        return block;
    }

    private static JsonObject lark(FluxEvent event) {
        JsonObject title = new JsonObject();
        title.addProperty("tag", "plain_text");
        title.addProperty("content", EventText.title(event));
        JsonObject header = new JsonObject();
        header.add("title", title);
        header.addProperty("template", event.isError() ? "red" : "green");
        JsonObject text = new JsonObject();
        text.addProperty("tag", "lark_md");
        StringBuilder content = new StringBuilder(event.message());
        EventText.fields(event).forEach((key, value) -> content.append("\n**").append(key).append("**: ").append(value));
        text.addProperty("content", content.toString());
        JsonObject element = new JsonObject();
        element.addProperty("tag", "div");
        element.add("text", text);
        JsonArray elements = new JsonArray();
        elements.add(element);
        JsonObject config = new JsonObject();
        config.addProperty("wide_screen_mode", true);
        JsonObject card = new JsonObject();
        card.add("config", config);
        card.add("header", header);
        card.add("elements", elements);
        JsonObject message = new JsonObject();
        message.addProperty("msg_type", "interactive");
        message.add("card", card);
        return message;
    }

    private static String base(ProviderEndpoint endpoint) throws NotifierException {
        return endpoint.addressUri().toString().replaceAll("/+$", "");
    }

    private static String baseOr(ProviderEndpoint endpoint, String fallback) throws NotifierException {
        return endpoint.address().isEmpty() ? fallback : base(endpoint);
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
