package dev.hookrelay.receiver.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How often each reason occurred; a bounded number of distinct reasons, the rest counted as "other reasons". */
final class ReasonCounts {
    private static final int MAX_REASONS = 8;
    private static final String OTHER = "other reasons";
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private long total;

    void add(String reason, long count) {
        String key = counts.containsKey(reason) || counts.size() < MAX_REASONS ? reason : OTHER;
        counts.merge(key, count, Long::sum);
        total += count;
    }

    void addAll(ReasonCounts other) {
        other.counts.forEach(this::add);
    }

    long total() {
        return total;
    }

    boolean isEmpty() {
        return total == 0;
    }

    /** "reason a (3); reason b (1)", the most frequent first; just "reason a" when it is the only one. */
    String describe() {
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<Map.Entry<String, Long>> sorted = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
        return sorted.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
    }
}
