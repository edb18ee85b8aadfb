package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.openapi.models.V1Condition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The CRD YAML is the source of truth: every schema object has exactly the fields of its Java class. */
class ModelMatchesCrdTest {

    static Stream<Arguments> schemaObjects() {
        return Stream.of(
                Arguments.of("receivers", "spec", V1alpha1ReceiverSpec.class),
                Arguments.of("receivers", "spec.secretRef", V1alpha1SecretRef.class),
                Arguments.of("receivers", "spec.resources[]", V1alpha1TargetRef.class),
                Arguments.of("receivers", "status", V1alpha1ReceiverStatus.class),
                Arguments.of("receivers", "status.lastEvent", V1alpha1ReceivedEvent.class),
                Arguments.of("receivers", "status.recentEvents[]", V1alpha1ReceivedEvent.class),
                Arguments.of("receivers", "status.lastRejection", V1alpha1Rejection.class),
                Arguments.of("receivers", "status.conditions[]", V1Condition.class),
                Arguments.of("receivers", "status.pendingTargets", V1alpha1PendingTargets.class),
                Arguments.of("receivers", "status.pendingTargets.targets[]", V1alpha1PendingTarget.class),
                Arguments.of("receivers", "spec.registration", V1alpha1Registration.class),
                Arguments.of("receivers", "spec.rotation", V1alpha1Rotation.class),
                Arguments.of("receivers", "spec.registration.credentialsRef", V1alpha1SecretRef.class),
                Arguments.of("receivers", "status.registration", V1alpha1RegistrationStatus.class),
                Arguments.of("relays", "spec", V1alpha1RelaySpec.class),
                Arguments.of("relays", "spec.hub", V1alpha1HubRef.class),
                Arguments.of("relays", "spec.hub.kubeConfigSecretRef", V1alpha1KubeConfigSecretRef.class),
                Arguments.of("relays", "spec.resources[]", V1alpha1TargetRef.class),
                Arguments.of("relays", "status", V1alpha1RelayStatus.class),
                Arguments.of("relays", "status.lastEvent", V1alpha1ReceivedEvent.class),
                Arguments.of("providers", "spec", V1alpha1ProviderSpec.class),
                Arguments.of("providers", "spec.secretRef", V1alpha1SecretRef.class),
                Arguments.of("providers", "spec.certSecretRef", V1alpha1SecretRef.class),
                Arguments.of("providers", "spec.proxySecretRef", V1alpha1SecretRef.class),
                Arguments.of("providers", "spec.sinkRef", V1alpha1SinkRef.class),
                Arguments.of("providers", "status", V1alpha1ReadyStatus.class),
                Arguments.of("providers", "status.conditions[]", V1Condition.class),
                Arguments.of("alerts", "spec", V1alpha1AlertSpec.class),
                Arguments.of("alerts", "spec.providerRef", V1alpha1LocalObjectReference.class),
                Arguments.of("alerts", "spec.eventSources[]", V1alpha1EventSource.class),
                Arguments.of("alerts", "status", V1alpha1ReadyStatus.class),
                Arguments.of("relays", "status.pendingTargets", V1alpha1PendingTargets.class),
                Arguments.of("relays", "status.pendingTargets.targets[]", V1alpha1PendingTarget.class));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("schemaObjects")
    void javaClassHasExactlyTheSchemaProperties(String plural, String path, Class<?> model) throws IOException {
        Map<String, Object> schema = schemaAt(plural, path);

        assertEquals(new TreeSet<>(((Map<?, ?>) schema.get("properties")).keySet()), serializedNames(model));
    }

    /** receiver-fn bounds what it writes by these constants, so they must be the schema's limits. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status.lastEvent", "status.recentEvents[]"})
    void everyTextFieldOfAReceivedEventHasTheModelsMaxLength(String path) throws IOException {
        Map<?, ?> properties = (Map<?, ?>) schemaAt("receivers", path).get("properties");
        properties.forEach((name, property) -> {
            Map<?, ?> schema = (Map<?, ?>) property;
            if ("string".equals(schema.get("type")) && schema.get("format") == null) {
                assertEquals(V1alpha1ReceivedEvent.MAX_FIELD_LENGTH, schema.get("maxLength"), path + "." + name);
            }
        });
    }

    @Test
    void theRejectionLimitsAreTheSchemas() throws IOException {
        Map<?, ?> properties = (Map<?, ?>) schemaAt("receivers", "status.lastRejection").get("properties");
        assertEquals(V1alpha1Rejection.MAX_REASON_LENGTH, ((Map<?, ?>) properties.get("reason")).get("maxLength"));
        assertEquals(V1alpha1Rejection.MAX_EXPECTED_LENGTH, ((Map<?, ?>) properties.get("expected")).get("maxLength"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaAt(String plural, String path) throws IOException {
        String resource = "META-INF/hookrelay/crds/" + plural + ".hookrelay.dev.yaml";
        try (InputStream in = ModelMatchesCrdTest.class.getClassLoader().getResourceAsStream(resource)) {
            Map<String, Object> crd = new Yaml().load(in);
            Map<String, Object> version = ((java.util.List<Map<String, Object>>) ((Map<String, Object>) crd.get("spec"))
                    .get("versions")).get(0);
            Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) version.get("schema"))
                    .get("openAPIV3Schema");
            for (String step : path.split("\\.")) {
                boolean array = step.endsWith("[]");
                node = (Map<String, Object>) ((Map<String, Object>) node.get("properties")).get(step.replace("[]", ""));
                if (array) {
                    node = (Map<String, Object>) node.get("items");
                }
            }
            return node;
        }
    }

    private static Set<String> serializedNames(Class<?> model) {
        Set<String> names = new TreeSet<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null) {
                names.add(name.value());
            }
        }
        return names;
    }
}
