package dev.hookrelay.controller.registration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A provider whose webhooks are JSON resources of one collection: POST to it creates one,
 * GET, an update and DELETE on {@code <collection>/<id>} read, change and delete it. What
 * differs between providers is the body they take and the shape they answer with.
 */
abstract class RestHookApi implements HookApi {
    protected final ProviderHttp http;
    protected final String collection;
    private final String updateMethod;

    RestHookApi(ProviderHttp http, String collection, String updateMethod) {
        this.http = http;
        this.collection = collection;
        this.updateMethod = updateMethod;
    }

    /** The body that makes the webhook as desired; {@code creating} for the POST that creates it. */
    abstract JsonObject body(DesiredHook desired, boolean creating);

    /** The webhook as the provider reports it. */
    abstract Hook hook(JsonObject json);

    @Override
    public Optional<Hook> get(String id) {
        return http.find(collection + "/" + Paths.segment(id)).map(this::hook);
    }

    @Override
    public Hook create(DesiredHook desired) {
        return hook(http.send("POST", collection, body(desired, true)).body().getAsJsonObject());
    }

    @Override
    public Hook update(String id, DesiredHook desired) {
        return hook(http.send(updateMethod, collection + "/" + Paths.segment(id), body(desired, false)).body()
                .getAsJsonObject());
    }

    @Override
    public void delete(String id) {
        http.deleteIfPresent(collection + "/" + Paths.segment(id));
    }

    static JsonArray array(Set<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    static Set<String> strings(JsonArray array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }
}
