package dev.hookrelay.receiver.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class ProvidersTest {

    static List<String> types() {
        return List.copyOf(new TreeSet<>(Providers.types()));
    }

    @Test
    void servesExactlyTheTypesTheReceiverCrdAllows() throws Exception {
        assertEquals(new TreeSet<>(crdTypeEnum()), new TreeSet<>(Providers.types()));
    }

    @ParameterizedTest
    @MethodSource("types")
    void eachProviderServesTheTypeItIsFoundBy(String type) {
        Provider provider = Providers.forType(type).orElseThrow();

        assertEquals(type, provider.type());
        assertNotSame(provider, Providers.forType(type).orElseThrow(), "constructed on demand");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GitHub", "gcr", "", " github"})
    void anUnknownTypeHasNoProvider(String type) {
        assertTrue(Providers.forType(type).isEmpty());
    }

    @Test
    void aMissingTypeHasNoProvider() {
        assertTrue(Providers.forType(null).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static List<String> crdTypeEnum() throws Exception {
        try (InputStream in = ProvidersTest.class.getClassLoader()
                .getResourceAsStream("META-INF/hookrelay/crds/receivers.hookrelay.dev.yaml")) {
            Map<String, Object> node = new Yaml().load(in);
            node = (Map<String, Object>) ((List<Map<String, Object>>) ((Map<String, Object>) node.get("spec"))
                    .get("versions")).get(0);
            for (String step : new String[] {"schema", "openAPIV3Schema", "properties", "spec", "properties", "type"}) {
                node = (Map<String, Object>) node.get(step);
            }
            return (List<String>) node.get("enum");
        }
    }
}
