package dev.hookrelay.receiver.status;

import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.receiver.ReceiverIdentity;
import dev.hookrelay.receiver.kubernetes.ApiCallException;
import dev.hookrelay.receiver.kubernetes.ApiServer;
import jakarta.inject.Singleton;

/**
 * Reads and patches the status of this function's own Receiver: the only object it may touch
 * ({@link dev.hookrelay.api.FunctionAccess}). Every request is counted in the metrics.
 */
@Singleton
class ReceiverStatusClient {
    private final ApiServer api;
    private final String path;
    private final StatusMetrics metrics;

    ReceiverStatusClient(ApiServer api, ReceiverIdentity receiver, StatusMetrics metrics) {
        this.api = api;
        this.path = "/apis/" + HookrelayApi.GROUP + "/" + HookrelayApi.VERSION + "/namespaces/" + receiver.namespace()
                + "/" + HookrelayApi.RECEIVERS + "/" + receiver.name() + "/status";
        this.metrics = metrics;
    }

    ReceiverState read() throws ApiCallException {
        try {
            ReceiverState read = ReceiverJson.read(api.get(path));
            metrics.request("GET", 200);
            return read;
        } catch (ApiCallException e) {
            metrics.request("GET", e.code());
            throw e;
        }
    }

    /**
     * Applies a JSON Patch ({@link StatusPatch}) to the status and returns the identity of the
     * Receiver as written; its status the caller knows ({@link ReceiverState#after}).
     */
    ReceiverState.Identity patch(byte[] operations) throws ApiCallException {
        try {
            ReceiverState.Identity written = ReceiverJson.readMetadata(api.patch(path, StatusPatch.CONTENT_TYPE, operations));
            metrics.request("PATCH", 200);
            metrics.wrote();
            return written;
        } catch (ApiCallException e) {
            metrics.request("PATCH", e.code());
            throw e;
        }
    }
}
