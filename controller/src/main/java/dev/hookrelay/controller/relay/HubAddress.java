package dev.hookrelay.controller.relay;

import dev.hookrelay.api.V1alpha1HubRef;
import dev.hookrelay.api.V1alpha1Relay;

/** Which hub Receiver a Relay follows and with which credential: a change means a new watch. */
record HubAddress(String relayNamespace, String secretName, String secretKey, String namespace, String receiver) {

    static HubAddress of(V1alpha1Relay relay) {
        V1alpha1HubRef hub = relay.getSpec().getHub();
        return new HubAddress(relay.getMetadata().getNamespace(), hub.getKubeConfigSecretRef().getName(),
                hub.getKubeConfigSecretRef().getKey(), hub.getNamespace(), hub.getReceiver());
    }

    String describe() {
        return "Receiver " + receiver + " in namespace " + namespace + " of the hub";
    }
}
