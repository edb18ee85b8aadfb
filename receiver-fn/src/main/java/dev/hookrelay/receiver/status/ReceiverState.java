package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Rejection;
import java.util.List;

/**
 * What the function needs of its Receiver as the API server returned it: the identity its
 * Events name, the resourceVersion its first write tests, and its own status fields.
 *
 * @param hasStatus false while the Receiver has no status at all
 * @param lastRejection null while there is none
 * @param recentEvents newest first
 */
record ReceiverState(String name, String namespace, String uid, String resourceVersion, boolean hasStatus,
                     long eventCount, long rejectedCount, V1alpha1Rejection lastRejection,
                     List<V1alpha1ReceivedEvent> recentEvents) {
}
