package dev.hookrelay.receiver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time (user + system) that processes have used, from {@code /proc/<pid>/stat}. */
final class ProcessCpu {
    /** USER_HZ: the kernel reports utime and stime in these ticks (100 on Linux x86-64). */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces; fields after its closing parenthesis are fixed
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CPU time of process " + pid, e);
        }
    }

    static double seconds(List<Long> pids) {
        return pids.stream().mapToDouble(ProcessCpu::seconds).sum();
    }

    /** The kube-apiserver and etcd that this JVM's control plane started. */
    static List<Long> controlPlane() {
        List<Long> pids = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/kube-apiserver") || c.endsWith("/etcd")).orElse(false))
                .map(ProcessHandle::pid).toList();
        if (pids.size() != 2) {
            throw new IllegalStateException("expected one kube-apiserver and one etcd below this JVM, found " + pids);
        }
        return pids;
    }
}
