package dev.hookrelay.controller.registration;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverList;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.controller.kube.ControllerSettings;
import dev.hookrelay.controller.kube.Informers;
import dev.hookrelay.controller.kube.KubeCache;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.micronaut.context.annotation.Context;
import java.util.Objects;

/**
 * The Receivers (the informer the other reconcilers share), and which of their changes call
 * for the registration: a Receiver that asks for a webhook or still holds one, when its spec,
 * its URL or its deletion changes, and at every resync.
 */
@Context
class RegistrationReceivers {
    private final KubeCache<V1alpha1Receiver> receivers;

    RegistrationReceivers(Informers informers, ControllerSettings settings, RegistrationQueue queue) {
        this.receivers = informers.start(V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP,
                HookrelayApi.RECEIVERS, null, settings.getResyncPeriod(), false);
        receivers.addEventHandler(new Changes(queue));
    }

    KubeCache<V1alpha1Receiver> cache() {
        return receivers;
    }

    static boolean needsWork(V1alpha1Receiver receiver) {
        return receiver.getSpec().getRegistration() != null || Finalizer.isOn(receiver);
    }

    private static String url(V1alpha1Receiver receiver) {
        V1alpha1ReceiverStatus status = receiver.getStatus();
        return status == null ? null : status.getUrl();
    }

    private record Changes(RegistrationQueue queue) implements ResourceEventHandler<V1alpha1Receiver> {
        @Override
        public void onAdd(V1alpha1Receiver receiver) {
            if (needsWork(receiver)) {
                queue.add(receiver);
            }
        }

        @Override
        public void onUpdate(V1alpha1Receiver before, V1alpha1Receiver after) {
            boolean resync = Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
            if (resync
                    || !Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
                    || !Objects.equals(url(before), url(after))
                    || !Objects.equals(before.getMetadata().getDeletionTimestamp(), after.getMetadata().getDeletionTimestamp())) {
                onAdd(after);
            }
        }

        @Override
        public void onDelete(V1alpha1Receiver receiver, boolean finalStateUnknown) {
            // the finalizer held it until its webhook was deleted
        }
    }
}
