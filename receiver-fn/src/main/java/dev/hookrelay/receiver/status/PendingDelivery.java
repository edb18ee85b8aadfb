package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1ReceivedEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A delivery waiting for the status write that records it, and the answer it will get. */
record PendingDelivery(V1alpha1ReceivedEvent event, CompletableFuture<Recorded> result) {
    /** Put in the queue on shutdown so that the writer does not wait for a delivery that will not come. */
    static final PendingDelivery WAKE_UP = new PendingDelivery(null, new CompletableFuture<>());

    /** Answers each delivery 503 with this reason; returns how many there were. */
    static int failAll(List<PendingDelivery> batch, String reason) {
        List<PendingDelivery> deliveries = batch.stream().filter(p -> p != WAKE_UP).toList();
        StatusUnavailableException failure = new StatusUnavailableException(reason);
        deliveries.forEach(p -> p.result().completeExceptionally(failure));
        return deliveries.size();
    }
}
