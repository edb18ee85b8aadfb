package dev.hookrelay.api;

/** One webhook endpoint for one provider; its status records the accepted events. */
public class V1alpha1Receiver extends CustomObject<V1alpha1ReceiverSpec, V1alpha1ReceiverStatus, V1alpha1Receiver> {
    public static final String KIND = "Receiver";

    public V1alpha1Receiver() {
        super(KIND);
    }
}
