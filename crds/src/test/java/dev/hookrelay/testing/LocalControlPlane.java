package dev.hookrelay.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Starts the embedded control plane with the CRDs installed, writes its kubeconfig to
 * {@code .hookrelay/kubeconfig} in the checkout, and runs until interrupted.
 */
public final class LocalControlPlane {
    private LocalControlPlane() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        ControlPlane plane = ControlPlane.shared();
        Path kubeconfig = ControlPlaneAssets.projectRoot().resolve(".hookrelay/kubeconfig");
        Files.createDirectories(kubeconfig.getParent());
        Files.copy(plane.kubeconfig(), kubeconfig, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("""
                Hookrelay's control plane is up at %s (%d ms), with the Receiver and Relay CRDs installed.
                  export KUBECONFIG=%s
                  %s get receivers -A
                Logs: %s. Stop with Ctrl-C.
                """, plane.url(), (System.nanoTime() - start) / 1_000_000, kubeconfig,
                plane.assets().binary("kubectl"), plane.workDir());
        Thread.currentThread().join();
    }
}
