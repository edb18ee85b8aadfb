package dev.hookrelay.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1Receiver;
import dev.hookrelay.api.V1alpha1ReceiverSpec;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.ControlPlaneExtension;
import dev.hookrelay.testing.TestNamespace;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.kubernetes.client.util.PatchUtils;
import java.io.FileReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the function's own ServiceAccount token and Role, it can touch its Receiver's status and nothing else. */
@ExtendWith(ControlPlaneExtension.class)
class LeastPrivilegeTest {

    @Test
    void functionCredentialsReachOnlyItsOwnReceiverStatus(ControlPlane plane, TestNamespace namespace) throws Exception {
        String ns = namespace.name();
        RunningFunction.receivers(plane.adminClient()).create(new V1alpha1Receiver()
                .metadata(new V1ObjectMeta().name("other").namespace(ns))
                .spec(new V1alpha1ReceiverSpec().type("github"))).throwsApiException();
        new CoreV1Api(plane.adminClient()).createNamespacedSecret(ns, new V1Secret()
                .metadata(new V1ObjectMeta().name("other-token")).putStringDataItem("token", "x".repeat(40))).execute();
        try (RunningFunction function = RunningFunction.start(plane, ns, "mine", new V1alpha1ReceiverSpec().type("github"))) {
            ApiClient asFunction = clientFrom(plane.kubeconfigForServiceAccount(ns, FunctionAccess.name("mine")));
            CustomObjectsApi api = new CustomObjectsApi(asFunction);

            assertEquals(200, patchStatus(asFunction, api, ns, "mine"));
            assertEquals(403, patchStatus(asFunction, api, ns, "other"));
            assertEquals(403, assertThrows(ApiException.class,
                    () -> new CoreV1Api(asFunction).readNamespacedSecret("other-token", ns).execute()).getCode());
            assertEquals(403, assertThrows(ApiException.class,
                    () -> new CoreV1Api(asFunction).listNamespacedSecret(ns).execute()).getCode());
            assertEquals(403, assertThrows(ApiException.class,
                    () -> api.listNamespacedCustomObject(HookrelayApi.GROUP, HookrelayApi.VERSION, ns,
                            HookrelayApi.RECEIVERS).execute()).getCode());
        }
    }

    private static int patchStatus(ApiClient client, CustomObjectsApi api, String namespace, String name) {
        try {
            PatchUtils.patch(Map.class, () -> api.patchNamespacedCustomObjectStatus(HookrelayApi.GROUP,
                    HookrelayApi.VERSION, namespace, HookrelayApi.RECEIVERS, name,
                    new V1Patch("{\"status\":{\"secretName\":\"probe\"}}")).buildCall(null),
                    V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, client);
            return 200;
        } catch (ApiException e) {
            return e.getCode();
        }
    }

    private static ApiClient clientFrom(Path kubeconfig) throws Exception {
        try (FileReader reader = new FileReader(kubeconfig.toFile())) {
            return ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
        }
    }
}
