package dev.hookrelay.receiver;

import dev.hookrelay.api.FunctionAccess;
import dev.hookrelay.api.HookrelayApi;
import dev.hookrelay.api.V1alpha1ReceiverStatus;
import dev.hookrelay.testing.ControlPlane;
import dev.hookrelay.testing.Kubectl;
import java.nio.file.Path;
import java.util.Map;

/**
 * The function's status write without the function: wrk sends, one at a time, the JSON Patch the
 * function sends for one delivery (test eventCount, set it, lastEvent, one entry in front of
 * recentEvents, the oldest removed) straight to the API server, as the function's ServiceAccount,
 * on a Receiver whose status starts as a copy of the benchmarked one's. No function can acknowledge
 * one delivery at a time faster than the API server takes this write.
 */
final class StatusWriteAlone {
    private static final String ID = "@ID@";

    private final ControlPlane plane;
    private final ProcessReceiver receiver;
    private final Path workDir;

    private StatusWriteAlone(ControlPlane plane, ProcessReceiver receiver, Path workDir) {
        this.plane = plane;
        this.receiver = receiver;
        this.workDir = workDir;
    }

    /** A new Receiver, with the function's Role for it, whose status is a copy of {@code like}'s. */
    static StatusWriteAlone like(ControlPlane plane, ProcessReceiver like, ProcessReceiver receiver, Path workDir)
            throws Exception {
        V1alpha1ReceiverStatus status = like.receiver(plane).getStatus();
        if (status == null || status.getLastEvent() == null) {
            throw new IllegalStateException(like.name() + " has recorded no delivery to copy");
        }
        new Kubectl(plane).run("-n", receiver.namespace(), "patch", "receiver", receiver.name(), "--subresource=status",
                "--type=merge", "-p", "{\"status\":" + plane.adminClient().getJSON().serialize(status) + "}");
        return new StatusWriteAlone(plane, receiver, workDir);
    }

    /**
     * One connection: the {@code test} of eventCount needs each write to see the one before, so the
     * count follows the writes answered 2xx (wrk builds one request more than it sends).
     */
    Wrk.Result load(String idPrefix, int seconds) throws Exception {
        V1alpha1ReceiverStatus status = receiver.receiver(plane).getStatus();
        String event = plane.adminClient().getJSON().serialize(status.getLastEvent().id(ID));
        String[] around = event.split(ID);
        Path script = Wrk.script(workDir, idPrefix, "PATCH", """
                  local count = %d + written + 1
                  local event = [[%s]] .. id .. '-' .. n .. [[%s]]
                  return wrk.format(nil, nil, nil, '[{"op":"test","path":"/status/eventCount","value":' .. (count - 1)
                    .. '},{"op":"add","path":"/status/eventCount","value":' .. count
                    .. '},{"op":"add","path":"/status/lastEvent","value":' .. event
                    .. '},{"op":"add","path":"/status/recentEvents/0","value":' .. event
                    .. '},{"op":"remove","path":"/status/recentEvents/%d"}]')
                """.formatted(status.getEventCount(), around[0], around[1], status.getRecentEvents().size()), """
                written = 0
                function response(status, headers, body)
                  if status < 300 then written = written + 1 end
                end
                """);
        return Wrk.run(script, 1, seconds, Map.of(
                "Authorization", "Bearer " + plane.serviceAccountToken(receiver.namespace(),
                        FunctionAccess.name(receiver.name())),
                "Content-Type", "application/json-patch+json",
                "Accept", "application/json"), plane.url() + "/apis/%s/%s/namespaces/%s/%s/%s/status".formatted(
                HookrelayApi.GROUP, HookrelayApi.VERSION, receiver.namespace(), HookrelayApi.RECEIVERS, receiver.name()));
    }
}
