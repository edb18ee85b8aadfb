package dev.hookrelay.testing;

import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** A namespace of its own for one test class, so test classes never see each other's objects. */
public record TestNamespace(String name) {

    public static TestNamespace create(ControlPlane plane, String hint) {
        String base = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String name = (base.length() > 50 ? base.substring(0, 50) : base)
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try {
            new CoreV1Api(plane.adminClient())
                    .createNamespace(new V1Namespace().metadata(new V1ObjectMeta().name(name))).execute();
        } catch (ApiException e) {
            throw new IllegalStateException("cannot create namespace " + name + ": " + e.getResponseBody(), e);
        }
        return new TestNamespace(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
