package dev.hookrelay.controller.fanout;

import java.util.List;

/**
 * The kinds that spec.resources may name (hookrelay.fanout.allowed-kinds), written as kubectl
 * writes them, resource.group, with * for every resource of a group. The controller holds
 * rights on Secrets, ServiceAccounts, Roles and Knative Services only to provision functions;
 * without this list anyone who may create a Receiver could have it patch those.
 */
final class AllowedKinds {
    private final List<String> entries;

    AllowedKinds(List<String> entries) {
        this.entries = entries.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }

    boolean allows(ApiKind kind) {
        return entries.stream().anyMatch(entry -> matches(entry, kind));
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }

    private static boolean matches(String entry, ApiKind kind) {
        int dot = entry.indexOf('.');
        String resource = dot < 0 ? entry : entry.substring(0, dot);
        String group = dot < 0 ? "" : entry.substring(dot + 1);
        return group.equals(kind.group()) && (resource.equals("*") || resource.equals(kind.plural()));
    }
}
