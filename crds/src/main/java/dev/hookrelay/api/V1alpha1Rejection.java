package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.time.OffsetDateTime;

/** Why the newest refused delivery was refused; never its token, signature or payload. */
public class V1alpha1Rejection {
    /** The schema's maxLength of {@code reason}. */
    public static final int MAX_REASON_LENGTH = 1024;
    /** The schema's maxLength of {@code expected}. */
    public static final int MAX_EXPECTED_LENGTH = 256;

    @SerializedName("reason")
    private String reason;
    @SerializedName("expected")
    private String expected;
    @SerializedName("at")
    private OffsetDateTime at;

    public String getReason() {
        return reason;
    }

    public V1alpha1Rejection reason(String reason) {
        this.reason = reason;
        return this;
    }

    /** The header the provider is expected to send; null when the rejection is not about a header. */
    public String getExpected() {
        return expected;
    }

    public V1alpha1Rejection expected(String expected) {
        this.expected = expected;
        return this;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public V1alpha1Rejection at(OffsetDateTime at) {
        this.at = at;
        return this;
    }
}
