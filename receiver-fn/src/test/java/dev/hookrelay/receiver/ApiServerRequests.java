package dev.hookrelay.receiver;

import dev.hookrelay.testing.ControlPlane;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/** What the API server itself counted: requests to the Receivers' status, by verb (apiserver_request_total). */
final class ApiServerRequests {
    private ApiServerRequests() {
    }

    static Map<String, Long> toReceiverStatus(ControlPlane plane) {
        ApiClient admin = plane.adminClient();
        try {
            Call call = admin.buildCall(admin.getBasePath(), "/metrics", "GET", List.of(), List.of(), null,
                    new HashMap<>(), new HashMap<>(), new HashMap<>(), new String[]{"BearerToken"}, null);
            try (Response response = call.execute()) {
                Map<String, Long> byVerb = new HashMap<>();
                response.body().string().lines()
                        .filter(l -> l.startsWith("apiserver_request_total{") && l.contains("resource=\"receivers\"")
                                && l.contains("subresource=\"status\""))
                        .forEach(l -> byVerb.merge(l.replaceAll(".*verb=\"([A-Z]+)\".*", "$1"),
                                (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Long::sum));
                return byVerb;
            }
        } catch (ApiException | IOException e) {
            throw new IllegalStateException("cannot read the API server's metrics", e);
        }
    }
}
