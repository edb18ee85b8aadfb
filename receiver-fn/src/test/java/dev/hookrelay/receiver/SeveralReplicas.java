package dev.hookrelay.receiver;

import dev.hookrelay.testing.ControlPlane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of one Receiver served by one function process against the same Receiver served by
 * several (as Knative scales a Service out up to max-scale): the same total number of
 * connections spread evenly over the processes, every 2xx checked against eventCount, and how
 * many status PATCHes lost the race on the function's counter (422 on its test, a re-read).
 */
final class SeveralReplicas {
    private final ControlPlane plane;
    private final Path workDir;
    private final Callable<ProcessReceiver> receivers;

    SeveralReplicas(ControlPlane plane, Path workDir, Callable<ProcessReceiver> receivers) {
        this.plane = plane;
        this.workDir = workDir;
        this.receivers = receivers;
    }

    void report(ShippedJvm jvm, List<Integer> processCounts, int connections, int seconds) throws Exception {
        System.out.printf("%nseveral function processes on one Receiver, %d connections in all for %d s%n", connections, seconds);
        System.out.printf("  %9s %8s %9s %9s %12s %18s  %s%n", "processes", "ack/s", "p50 ms", "p99 ms", "writes/ack",
                "lost races/write", "answers");
        for (int count : processCounts) {
            ProcessReceiver receiver = receivers.call();
            List<FunctionProcess> functions = new ArrayList<>();
            ExecutorService load = Executors.newFixedThreadPool(count);
            try {
                for (int i = 0; i < count; i++) {
                    functions.add(jvm.start(receiver.env(), workDir.resolve("replicas-" + count + "-" + i + ".log")));
                }
                for (FunctionProcess function : functions) {
                    receiver.awaitFirstRecorded(function, "first");
                }
                long before = receiver.settledEventCount(plane);
                List<Future<Wrk.Result>> results = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    FunctionProcess function = functions.get(i);
                    int share = connections / count + (i < connections % count ? 1 : 0);
                    String prefix = "replicas-" + count + "-" + i;
                    results.add(load.submit((Callable<Wrk.Result>) () -> receiver.load(function, workDir, prefix, share, seconds)));
                }
                long ok = 0, non2xx = 0, errors = 0;
                double perSecond = 0, p50 = 0, p99 = 0;
                for (Future<Wrk.Result> result : results) {
                    Wrk.Result r = result.get();
                    ok += r.ok();
                    non2xx += r.non2xx();
                    errors += r.socketErrors();
                    perSecond += r.okPerSecond();
                    p50 = Math.max(p50, r.p50Millis());
                    p99 = Math.max(p99, r.p99Millis());
                }
                long counted = receiver.settledEventCount(plane) - before;
                double writes = 0, lost = 0;
                for (FunctionProcess function : functions) {
                    writes += function.scrape("hookrelay_status_writes_total");
                    lost += function.scrape("hookrelay_status_requests_total{code=\"422\"");
                }
                System.out.printf("  %9d %8.0f %9.2f %9.2f %12.3f %18.3f  %d 2xx, %d non-2xx, %d socket errors; eventCount +%d (%s)%n",
                        count, perSecond, p50, p99, writes / Math.max(1, ok), lost / Math.max(1, writes), ok, non2xx, errors,
                        counted, counted >= ok && counted <= ok + connections ? "every 2xx counted"
                                : "NOT every 2xx counted");
            } finally {
                load.shutdownNow();
                for (FunctionProcess function : functions) {
                    function.close();
                }
            }
        }
    }
}
