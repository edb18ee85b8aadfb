package dev.hookrelay.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The control plane authorizes for real: a user without a role is refused. */
@ExtendWith(ControlPlaneExtension.class)
class RbacTest {

    @Test
    void userWithoutARoleCannotListReceivers(ControlPlane plane, TestNamespace namespace) {
        GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers = new GenericKubernetesApi<>(
                V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP, HookrelayApi.VERSION,
                HookrelayApi.RECEIVERS, plane.clientFor(ControlPlane.NOBODY));

        ApiException refused = assertThrows(ApiException.class,
                () -> receivers.list(namespace.name()).throwsApiException());

        assertEquals(403, refused.getCode(), refused.getResponseBody());
    }

    @Test
    void impersonatedServiceAccountWithoutARoleIsRefusedToo(ControlPlane plane, TestNamespace namespace) {
        GenericKubernetesApi<V1alpha1Receiver, V1alpha1ReceiverList> receivers = new GenericKubernetesApi<>(
                V1alpha1Receiver.class, V1alpha1ReceiverList.class, HookrelayApi.GROUP, HookrelayApi.VERSION,
                HookrelayApi.RECEIVERS, plane.impersonating("system:serviceaccount:" + namespace + ":nobody"));

        ApiException refused = assertThrows(ApiException.class,
                () -> receivers.list(namespace.name()).throwsApiException());

        assertEquals(403, refused.getCode(), refused.getResponseBody());
    }
}
