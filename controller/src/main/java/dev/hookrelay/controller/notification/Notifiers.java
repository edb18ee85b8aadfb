package dev.hookrelay.controller.notification;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every Provider type, and the family that formats for it. */
@Singleton
class Notifiers {
    private final Map<String, Notifier> byType = new HashMap<>();

    Notifiers() {
        add(new GenericWebhook(), GenericWebhook.TYPES);
        add(new CloudEvents(), List.of(CloudEvents.TYPE));
        add(new ChatMessages(), ChatMessages.types());
        add(new CommitStatuses(), CommitStatuses.types());
        add(new GitHubDispatch(), List.of(GitHubDispatch.TYPE));
        add(new IncidentTools(), IncidentTools.types());
    }

    private void add(Notifier notifier, List<String> types) {
        types.forEach(type -> byType.put(type, notifier));
    }

    Notifier forType(String type) throws NotifierException {
        Notifier notifier = byType.get(type);
        if (notifier == null) {
            throw new NotifierException("Provider type " + type + " is not supported");
        }
        return notifier;
    }
}
