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

/**
 * Counts the writes a controller sends to the API server, by wrapping its client: every
 * request but reads, except the Lease renewals that leader election makes by design.
 */
@Singleton
public class ApiWriteCounter implements BeanCreatedEventListener<ApiClient> {
    private final List<String> writes = new CopyOnWriteArrayList<>();

    @Override
    public ApiClient onCreated(BeanCreatedEvent<ApiClient> event) {
        ApiClient client = event.getBean();
        client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(this::count).build());
        return client;
    }

    /** Method and path of every write so far, for a failure message that says what was written. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    private Response count(Interceptor.Chain chain) throws java.io.IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        if (!request.method().equals("GET") && !path.contains("/leases/") && !path.endsWith("/leases")) {
            writes.add(request.method() + " " + path);
        }
        return chain.proceed(request);
    }
}
