package dev.hookrelay.receiver.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The function's API client against the real API server: how it is configured, and that it verifies TLS. */
@ExtendWith(ControlPlaneExtension.class)
class ApiServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void inAPodItUsesTheMountedServiceAccountTokenAndCertificateAuthority(ControlPlane plane, TestNamespace namespace,
                                                                         @TempDir Path serviceAccount) throws Exception {
        String kubeconfig = Files.readString(serviceAccountKubeconfig(plane, namespace.name(), "pod"));
        Files.write(serviceAccount.resolve("ca.crt"), Base64.getDecoder().decode(field(kubeconfig, "certificate-authority-data")));
        Files.writeString(serviceAccount.resolve("token"), field(kubeconfig, "token") + "\n");
        URI server = URI.create(plane.url());

        ApiServer api = new ApiServer(ApiServerConfig.inCluster(server.getHost(), Integer.toString(server.getPort()),
                serviceAccount), TIMEOUT);

        String self = new String(api.post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
                "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"SelfSubjectReview\"}".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertTrue(self.contains("system:serviceaccount:" + namespace.name() + ":pod"), self);
        ApiCallException forbidden = assertThrows(ApiCallException.class,
                () -> api.get("/api/v1/namespaces/" + namespace.name() + "/secrets"));
        assertEquals(403, forbidden.code());
        String status = new String(forbidden.body(), StandardCharsets.UTF_8);
        assertTrue(status.contains("\"reason\":\"Forbidden\""), status);
    }

    @Test
    void aServerItsCertificateAuthorityDoesNotVouchForIsRefused(ControlPlane plane, TestNamespace namespace,
                                                                @TempDir Path dir) throws Exception {
        String kubeconfig = Files.readString(serviceAccountKubeconfig(plane, namespace.name(), "tls"));
        // without certificate-authority(-data), only the JDK's public authorities are trusted
        Path withoutCa = Files.writeString(dir.resolve("kubeconfig"),
                kubeconfig.replaceAll("\\n\\s*certificate-authority-data: \\S+", ""));

        ApiServer api = ApiServer.connect(withoutCa.toString(), TIMEOUT);

        ApiCallException refused = assertThrows(ApiCallException.class, () -> api.get("/version"));
        assertEquals(0, refused.code());
        assertInstanceOf(SSLHandshakeException.class, refused.getCause());
        assertFalse(refused.getMessage().contains(field(kubeconfig, "token")));
    }

    @Test
    void aKubeconfigThatTurnsVerificationOffIsRefusedWithWhatToDo(ControlPlane plane, TestNamespace namespace,
                                                                  @TempDir Path dir) throws Exception {
        String kubeconfig = Files.readString(serviceAccountKubeconfig(plane, namespace.name(), "insecure"));
        Path insecure = Files.writeString(dir.resolve("kubeconfig"),
                kubeconfig.replaceAll("certificate-authority-data: \\S+", "insecure-skip-tls-verify: true"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ApiServer.connect(insecure.toString(), TIMEOUT));
        assertTrue(refused.getMessage().contains("give it certificate-authority"), refused.getMessage());
        assertFalse(refused.getMessage().contains(field(kubeconfig, "token")));
    }

    private static Path serviceAccountKubeconfig(ControlPlane plane, String namespace, String name) throws Exception {
        new CoreV1Api(plane.adminClient()).createNamespacedServiceAccount(namespace,
                new V1ServiceAccount().metadata(new V1ObjectMeta().name(name))).execute();
        return plane.kubeconfigForServiceAccount(namespace, name);
    }

    private static String field(String kubeconfig, String name) {
        Matcher m = Pattern.compile(name + ": (\\S+)").matcher(kubeconfig);
        assertTrue(m.find(), "no " + name + " in the kubeconfig");
        return m.group(1);
    }
}
