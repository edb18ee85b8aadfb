package dev.hookrelay.controller.kube;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** This replica's name, as the Lease and the Events it writes show it: the pod name in a cluster. */
@Singleton
public class ReplicaIdentity {
    private final String name;

    public ReplicaIdentity(LeaderElectionSettings settings) {
        this.name = settings.getIdentity() != null ? settings.getIdentity() : hostName();
    }

    public String name() {
        return name;
    }

    private static String hostName() {
        String hostname = System.getenv("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname;
        }
        try {
            return InetAddress.getLocalHost().getHostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        } catch (UnknownHostException e) {
            return ControllerName.VALUE + "-" + UUID.randomUUID();
        }
    }
}
