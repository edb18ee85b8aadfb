package dev.hookrelay.controller.testing;

import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Records the requests a controller sends to the API server, by wrapping its client. */
@Singleton
public class ApiRequests implements BeanCreatedEventListener<ApiClient> {
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    @Override
    public ApiClient onCreated(BeanCreatedEvent<ApiClient> event) {
        ApiClient client = event.getBean();
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(this::record).build());
        return client;
    }

    /**
     * Method and path of every write so far, except the Lease renewals that leader election
     * makes by design, for a failure message that says what was written.
     */
    public List<String> writes() {
        return sent.stream()
                .filter(r -> !r.method().equals("GET") && !r.path().contains("/leases/") && !r.path().endsWith("/leases"))
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    public List<Sent> all() {
        return List.copyOf(sent);
    }

    private Response record(Interceptor.Chain chain) throws java.io.IOException {
        Request request = chain.request();
        sent.add(new Sent(request.method(), request.url().encodedPath(), request.url().query(), request.header("Accept")));
        return chain.proceed(request);
    }

    /** One request: its method, path, query (null if none) and Accept header. */
    public record Sent(String method, String path, String query, String accept) {
    }
}
