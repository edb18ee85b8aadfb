package dev.hookrelay.controller.notification;

import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1Relay;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The labels of the object an event is about, for eventSources with matchLabels: Receivers and
 * Relays from the caches, Flux's kinds read from the API server (the kinds an Alert may name
 * are a closed list, so their resources are known).
 */
@Singleton
class ObjectLabels {
    private static final Logger LOG = LoggerFactory.getLogger(ObjectLabels.class);
    private final NotificationCaches caches;
    private final ApiClient client;

    ObjectLabels(NotificationCaches caches, ApiClient client) {
        this.caches = caches;
        this.client = client;
    }

    Map<String, String> of(FluxEvent.InvolvedObject object) {
        Map<String, String> labels = switch (object.kind()) {
            case V1alpha1Receiver.KIND -> labels(caches.receivers().get(object.namespace(), object.name()));
            case V1alpha1Relay.KIND -> labels(caches.relays().get(object.namespace(), object.name()));
            default -> read(object);
        };
        return labels == null ? Map.of() : labels;
    }

    private Map<String, String> read(FluxEvent.InvolvedObject object) {
        String plural = SourceKinds.plural(object.kind());
        String apiVersion = object.apiVersion();
        if (plural == null || apiVersion == null || !apiVersion.contains("/")) {
            return Map.of();
        }
        int slash = apiVersion.indexOf('/');
        var answer = new DynamicKubernetesApi(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), plural, client)
                .get(object.namespace(), object.name());
        if (!answer.isSuccess()) {
            LOG.info("cannot read the labels of {} {}/{} for matchLabels: the API server answered {}",
                    object.kind(), object.namespace(), object.name(), answer.getHttpStatusCode());
            return Map.of();
        }
        return labels(answer.getObject());
    }

    private static Map<String, String> labels(KubernetesObject object) {
        return object == null || object.getMetadata().getLabels() == null ? Map.of() : object.getMetadata().getLabels();
    }
}
