package dev.hookrelay.receiver.provider;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the {@link Provider} for a Receiver's {@code spec.type}. Only the one asked for is
 * constructed, so a function serving one Receiver loads one provider's classes.
 */
public final class Providers {
    private static final Map<String, Supplier<Provider>> BY_TYPE = Map.ofEntries(
            Map.entry("github", GitHub::new),
            Map.entry("gitea", GiteaFamily::gitea),
            Map.entry("forgejo", GiteaFamily::forgejo),
            Map.entry("gogs", GiteaFamily::gogs),
            Map.entry("gitlab", GitLab::new),
            Map.entry("bitbucket", Bitbucket::new),
            Map.entry("bitbucket-server", BitbucketServer::new),
            Map.entry("azure-devops", AzureDevOps::new),
            Map.entry("harbor", Harbor::new),
            Map.entry("nexus", Nexus::new),
            Map.entry("dockerhub", DockerHub::new),
            Map.entry("quay", Quay::new),
            Map.entry("acr", Acr::new),
            Map.entry("generic", Generic::new),
            Map.entry("generic-hmac", GenericHmac::new),
            Map.entry("cdevents", CDEvents::new));

    private Providers() {
    }

    /** The provider serving {@code type}, or empty for a type this build does not know. */
    public static Optional<Provider> forType(String type) {
        Supplier<Provider> constructor = type == null ? null : BY_TYPE.get(type);
        return constructor == null ? Optional.empty() : Optional.of(constructor.get());
    }

    /** Every {@code spec.type} served; the Receiver CRD's enum must list the same. */
    public static Set<String> types() {
        return BY_TYPE.keySet();
    }
}
