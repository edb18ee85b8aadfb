package dev.hookrelay.controller.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured durations, and their percentiles in milliseconds. */
final class Latencies {
    private final List<Long> nanos = new ArrayList<>();

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    String summary() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return "p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (%d samples)".formatted(
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted.get(sorted.size() - 1)),
                sorted.size());
    }

    double percentileMillis(int percent) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return millis(percentile(sorted, percent));
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
