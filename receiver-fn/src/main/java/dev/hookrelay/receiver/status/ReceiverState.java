package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import dev.hookrelay.api.V1alpha1Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What the function needs of its Receiver: the identity its Events name, the resourceVersion its
 * first write tests, and its own status fields, as read or as last written.
 *
 * @param hasStatus false while the Receiver has no status at all
 * @param lastRejection null while there is none
 * @param recentEvents newest first
 */
record ReceiverState(Identity identity, boolean hasStatus, long eventCount, long rejectedCount,
                     V1alpha1Rejection lastRejection, List<V1alpha1ReceivedEvent> recentEvents) {

    record Identity(String name, String namespace, String uid, String resourceVersion) {
    }

    /**
     * The function's fields once a write of {@code merge} into this state has committed, without
     * reading them back from the answer: the write's test on the function's own counter passed,
     * so the fields it changed were as this state says, and are now what the merge wrote. Fields
     * it did not test may have moved meanwhile (another instance's rejections); the next write
     * that depends on them fails its test and reads again.
     */
    ReceiverState after(StatusMerge merge, Identity written, int recentLimit) {
        List<V1alpha1ReceivedEvent> recent = recentEvents;
        if (merge.writesEvents()) {
            List<V1alpha1ReceivedEvent> all = new ArrayList<>(merge.fresh());
            all.addAll(recentEvents);
            recent = List.copyOf(all.subList(0, Math.min(recentLimit, all.size())));
        }
        return new ReceiverState(written, true, merge.writesEvents() ? merge.eventCount() : eventCount,
                merge.writesRejections() ? merge.rejectedCount() : rejectedCount,
                merge.writesRejections() ? merge.rejections().last() : lastRejection, recent);
    }
}
