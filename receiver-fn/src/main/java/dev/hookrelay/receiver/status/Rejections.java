package dev.hookrelay.receiver.status;

import dev.hookrelay.api.V1alpha1Rejection;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Where every rejected delivery is reported. All are logged (aggregated); those a provider's
 * user should see in the cluster (failed verification, wrong format) are also tallied until
 * the status writer folds them into its next write: status.rejectedCount and lastRejection,
 * without a write per rejected request.
 */
@Singleton
public class Rejections {
    private final RejectionLog log;
    private Tally pending = Tally.empty();

    Rejections(RejectionLog log) {
        this.log = log;
    }

    /**
     * @param kind     the rejection's name in metrics, for example unauthorized
     * @param inStatus whether it counts in status.rejectedCount
     * @param reason   what was wrong, as the answer says; never a token, signature or payload
     * @param expected the header the provider is expected to send, or null
     */
    public void rejected(String kind, boolean inStatus, String reason, String expected) {
        log.rejected(kind, reason);
        if (inStatus) {
            V1alpha1Rejection rejection = new V1alpha1Rejection()
                    .reason(DeliveryFields.text(reason, V1alpha1Rejection.MAX_REASON_LENGTH))
                    .expected(DeliveryFields.text(expected, V1alpha1Rejection.MAX_EXPECTED_LENGTH))
                    .at(DeliveryFields.storable(OffsetDateTime.now(ZoneOffset.UTC)));
            synchronized (this) {
                pending.add(rejection);
            }
        }
    }

    synchronized boolean anyPending() {
        return !pending.reasons().isEmpty();
    }

    /** Takes what has been tallied since the last call; empty when nothing has. */
    synchronized Tally take() {
        Tally taken = pending;
        pending = Tally.empty();
        return taken;
    }

    /** Puts back a tally whose write failed, to go with the next one. */
    synchronized void putBack(Tally tally) {
        Tally newer = pending;
        pending = tally;
        pending.reasons().addAll(newer.reasons());
        if (newer.last() != null) {
            pending.last = newer.last();
        }
    }

    /** Rejections not yet in status: how many, for which reasons, and the newest. */
    static final class Tally {
        private final ReasonCounts reasons = new ReasonCounts();
        private V1alpha1Rejection last;

        static Tally empty() {
            return new Tally();
        }

        void add(V1alpha1Rejection rejection) {
            reasons.add(rejection.getReason(), 1);
            last = rejection;
        }

        ReasonCounts reasons() {
            return reasons;
        }

        V1alpha1Rejection last() {
            return last;
        }

        long count() {
            return reasons.total();
        }
    }
}
