package dev.hookrelay.controller.notification;

import java.util.Map;
import java.util.TreeMap;

/** How chat and incident Providers put an event into words: one title, the message, the metadata. */
final class EventText {
    private EventText() {
    }

    /** kind/name.namespace, as Flux titles its notifications. */
    static String title(FluxEvent event) {
        FluxEvent.InvolvedObject object = event.involvedObject();
        return object.kind() + "/" + object.name() + "." + object.namespace();
    }

    /** The metadata, sorted by key. */
    static Map<String, String> fields(FluxEvent event) {
        return new TreeMap<>(event.metadata());
    }

    /** Title, message and metadata as plain text lines. */
    static String plain(FluxEvent event) {
        StringBuilder text = new StringBuilder(title(event)).append('\n').append(event.message());
        fields(event).forEach((key, value) -> text.append('\n').append(key).append(": ").append(value));
        return text.toString();
    }

    /** Title (bold), message and metadata as Markdown. */
    static String markdown(FluxEvent event) {
        StringBuilder text = new StringBuilder("**").append(title(event)).append("**\n\n").append(event.message());
        fields(event).forEach((key, value) -> text.append("\n* ").append(key).append(": ").append(value));
        return text.toString();
    }

    static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
