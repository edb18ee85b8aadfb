package dev.hookrelay.controller.kube;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.event.EventType;
import io.kubernetes.client.extended.event.legacy.EventRecorder;
import io.kubernetes.client.extended.event.legacy.LegacyEventBroadcaster;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1EventSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * Kubernetes Events about the objects the controller manages, sent in the background and
 * aggregated like kubectl shows them. Messages never carry a token or a webhook path.
 */
@Singleton
public class KubeEvents {
    private final LegacyEventBroadcaster broadcaster;
    private final EventRecorder recorder;

    public KubeEvents(ApiClient client, ReplicaIdentity identity) {
        this.broadcaster = new LegacyEventBroadcaster(new CoreV1Api(client));
        this.recorder = broadcaster.newRecorder(new V1EventSource().component(ControllerName.VALUE).host(identity.name()));
        broadcaster.startRecording();
    }

    public void normal(KubernetesObject object, String reason, String message) {
        recorder.event(object, EventType.Normal, reason, "%s", message);
    }

    public void warning(KubernetesObject object, String reason, String message) {
        recorder.event(object, EventType.Warning, reason, "%s", message);
    }

    @PreDestroy
    void stop() {
        broadcaster.shutdown();
    }
}
