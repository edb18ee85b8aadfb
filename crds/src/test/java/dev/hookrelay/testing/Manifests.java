package dev.hookrelay.testing;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.Yaml;

/** Reads YAML manifests as untyped objects and creates them, the way kubectl create does. */
public final class Manifests {
    private static final Gson GSON = new Gson();

    private Manifests() {
    }

    public static List<DynamicKubernetesObject> parse(String yaml) {
        List<DynamicKubernetesObject> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                objects.add(new DynamicKubernetesObject(GSON.toJsonTree(document).getAsJsonObject()));
            }
        }
        return objects;
    }

    public static List<DynamicKubernetesObject> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    /** Creates a namespaced object; its resource is the kind's regular English plural, lower-cased. */
    public static KubernetesApiResponse<DynamicKubernetesObject> create(
            ApiClient client, String namespace, DynamicKubernetesObject object) {
        String[] groupVersion = object.getApiVersion().split("/");
        String kind = object.getKind().toLowerCase(Locale.ROOT);
        boolean consonantY = kind.matches(".*[^aeiou]y");
        String plural = consonantY ? kind.substring(0, kind.length() - 1) + "ies"
                : kind.endsWith("s") ? kind + "es" : kind + "s";
        JsonObject raw = object.getRaw();
        raw.getAsJsonObject("metadata").addProperty("namespace", namespace);
        return new DynamicKubernetesApi(groupVersion[0], groupVersion[1], plural, client).create(object);
    }
}
