package dev.hookrelay.controller.benchmark;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Writes the API server counted (its apiserver_request_total metric), by verb and resource:
 * what every client sent, seen from the server, so the controller needs no instrumentation.
 */
record ApiWrites(Map<String, Long> counts) {
    private static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION");
    private static final Pattern SAMPLE = Pattern.compile("^apiserver_request_total\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    /** Writes the benchmark makes itself (creating Receivers, playing Knative), Lease renewals, and the API server's own. */
    private static final Set<String> NOT_THE_CONTROLLERS = Set.of(
            "POST receivers", "PATCH services/status", "POST namespaces", "PUT leases", "POST leases",
            "POST endpoints", "PUT endpoints", "POST endpointslices", "PUT endpointslices");

    static ApiWrites scrape(ApiClient admin) throws IOException, ApiException {
        Call call = admin.buildCall(null, "/metrics", "GET", List.of(), List.of(), null, new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("GET /metrics answered " + response.code());
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String line : response.body().string().split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (sample.matches()) {
                    Map<String, String> labels = labels(sample.group(1));
                    if (WRITE_VERBS.contains(labels.get("verb"))) {
                        String resource = labels.get("resource")
                                + (labels.get("subresource").isEmpty() ? "" : "/" + labels.get("subresource"));
                        counts.merge(labels.get("verb") + " " + resource, (long) Double.parseDouble(sample.group(2)), Long::sum);
                    }
                }
            }
            return new ApiWrites(counts);
        }
    }

    ApiWrites minus(ApiWrites earlier) {
        Map<String, Long> difference = new TreeMap<>();
        counts.forEach((key, count) -> {
            long delta = count - earlier.counts.getOrDefault(key, 0L);
            if (delta != 0) {
                difference.put(key, delta);
            }
        });
        return new ApiWrites(difference);
    }

    ApiWrites byController() {
        Map<String, Long> controllers = new TreeMap<>(counts);
        controllers.keySet().removeAll(NOT_THE_CONTROLLERS);
        return new ApiWrites(controllers);
    }

    long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return counts.toString();
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new TreeMap<>();
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            labels.put(label.group(1), label.group(2));
        }
        return labels;
    }
}
