package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;

/** The hub Receiver a Relay follows, and the kubeconfig that reaches it. */
public class V1alpha1HubRef {
    @SerializedName("kubeConfigSecretRef")
    private V1alpha1KubeConfigSecretRef kubeConfigSecretRef;
    @SerializedName("namespace")
    private String namespace;
    @SerializedName("receiver")
    private String receiver;

    public V1alpha1KubeConfigSecretRef getKubeConfigSecretRef() {
        return kubeConfigSecretRef;
    }

    public V1alpha1HubRef kubeConfigSecretRef(V1alpha1KubeConfigSecretRef kubeConfigSecretRef) {
        this.kubeConfigSecretRef = kubeConfigSecretRef;
        return this;
    }

    public String getNamespace() {
        return namespace;
    }

    public V1alpha1HubRef namespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public String getReceiver() {
        return receiver;
    }

    public V1alpha1HubRef receiver(String receiver) {
        this.receiver = receiver;
        return this;
    }
}
