package dev.hookrelay.receiver;

import io.micronaut.runtime.Micronaut;

/** receiver-fn: one process serves one Receiver's webhook endpoint. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
