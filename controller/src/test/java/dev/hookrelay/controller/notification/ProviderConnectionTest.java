package dev.hookrelay.controller.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How Providers connect: trusting the CA in certSecretRef, and through proxySecretRef or spec.proxy. */
@ExtendWith(ControlPlaneExtension.class)
class ProviderConnectionTest {

    @Test
    void providerTrustsTheCertificateAuthorityOfItsCertSecretRef(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (TlsStandIn service = new TlsStandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            String alert = "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}";
            alerting.secret("service-ca", Map.of("ca.crt", service.certificatePem()));
            alerting.providerWithAlert("untrusted", "{type: generic, address: '" + service.url() + "/untrusted'}", alert);
            alerting.providerWithAlert("trusting", "{type: generic, address: '" + service.url() + "/trusting',"
                    + " certSecretRef: {name: service-ca}}", alert);

            alerting.postEvent("app", "info", "R", "over TLS", Map.of());

            alerting.awaitCount("sent", "trusting", 1);
            alerting.awaitCount("failed", "untrusted", 1);
            assertEquals(List.of("/trusting"), service.paths());
        }
    }

    @Test
    void providerSendsThroughItsProxy(ControlPlane plane, TestNamespace namespace) throws Exception {
        try (StandIn proxy = new StandIn(); Alerting alerting = new Alerting(plane, namespace.name())) {
            alerting.secret("proxy", Map.of("address", proxy.url()));
            alerting.providerWithAlert("proxied", "{type: generic, address: 'http://hooks.invalid/flux',"
                    + " proxySecretRef: {name: proxy}}", "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}");

            alerting.postEvent("app", "info", "R", "through the proxy", Map.of());

            StandIn.Recorded request = proxy.awaitRequests(1).get(0);
            assertEquals("/flux", request.path());
            assertEquals("hooks.invalid", request.header("Host"));

            // Flux's deprecated spec.proxy works as well
            alerting.providerWithAlert("proxied-by-spec", "{type: generic, address: 'http://hooks.invalid/by-spec', proxy: '"
                    + proxy.url() + "'}", "{providerRef: {name: %s}, eventSources: [{kind: Kustomization, name: '*'}]}");
            alerting.postEvent("app", "info", "R", "through spec.proxy", Map.of());
            assertTrue(proxy.awaitRequests(3).stream().anyMatch(r -> r.path().equals("/by-spec")));
        }
    }
}
