package dev.hookrelay.api;

/** Where notifications go: a chat, a commit status, an incident tool, a webhook or a CloudEvents sink. */
public class V1alpha1Provider extends CustomObject<V1alpha1ProviderSpec, V1alpha1ReadyStatus, V1alpha1Provider> {
    public static final String KIND = "Provider";

    public V1alpha1Provider() {
        super(KIND);
    }
}
