package dev.hookrelay.api;

import com.google.gson.annotations.SerializedName;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** spec.rotation: how long a rotated-out token keeps verifying, and how often Hookrelay rotates its own. */
public class V1alpha1Rotation {
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofHours(24);
    /** The schema's pattern: hours, minutes and seconds, in that order. */
    private static final Pattern DURATION = Pattern.compile("(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");

    @SerializedName("gracePeriod")
    private String gracePeriod;
    @SerializedName("every")
    private String every;

    public String getGracePeriod() {
        return gracePeriod;
    }

    public V1alpha1Rotation gracePeriod(String gracePeriod) {
        this.gracePeriod = gracePeriod;
        return this;
    }

    public String getEvery() {
        return every;
    }

    public V1alpha1Rotation every(String every) {
        this.every = every;
        return this;
    }

    /** spec.rotation.gracePeriod of this spec, or the default when there is none. */
    public static Duration gracePeriodOf(V1alpha1ReceiverSpec spec) {
        V1alpha1Rotation rotation = spec.getRotation();
        return rotation == null || rotation.gracePeriod == null ? DEFAULT_GRACE_PERIOD : parse(rotation.gracePeriod);
    }

    /** spec.rotation.every of this spec, or null when Hookrelay rotates only on request. */
    public static Duration everyOf(V1alpha1ReceiverSpec spec) {
        V1alpha1Rotation rotation = spec.getRotation();
        return rotation == null || rotation.every == null ? null : parse(rotation.every);
    }

    /** A duration as the schema allows it, for example 24h, 30m, 1h30m or 0s. */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (text.isEmpty() || !matcher.matches()) {
            throw new IllegalArgumentException(text + " is not hours, minutes and seconds such as 24h or 1h30m");
        }
        return Duration.ofHours(part(matcher, 1)).plusMinutes(part(matcher, 2)).plusSeconds(part(matcher, 3));
    }

    private static long part(Matcher matcher, int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }
}
