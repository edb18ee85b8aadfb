package dev.hookrelay.controller.kube;

/** Ends the process; tests, which run several controllers in one JVM, record the call instead. */
public interface ProcessExit {
    void exit(int status);
}
