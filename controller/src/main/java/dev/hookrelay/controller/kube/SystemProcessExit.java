package dev.hookrelay.controller.kube;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

@Singleton
@Secondary
class SystemProcessExit implements ProcessExit {
    @Override
    public void exit(int status) {
        System.exit(status);
    }
}
