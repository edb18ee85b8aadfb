package dev.hookrelay.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1PolicyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What ServiceAccounts really did, from the API server's audit log. Test control planes write it
 * when the system property {@value #DIRECTORY_PROPERTY} names a directory (the build sets it to
 * each module's {@code target/audit}); a check after the tests compares it with the shipped RBAC.
 */
public final class AuditTrail {
    public static final String DIRECTORY_PROPERTY = "hookrelay.audit.dir";
    private static final String POLICY = """
            apiVersion: audit.k8s.io/v1
            kind: Policy
            omitStages: [RequestReceived]
            rules:
            - level: Metadata
              userGroups: ["system:serviceaccounts"]
            - level: None
            """;
    private static boolean cleared;

    private final Set<Request> requests;

    private AuditTrail(Set<Request> requests) {
        this.requests = requests;
    }

    /** One request as RBAC sees it: who, which verb, on which group and resource (with subresource). */
    public record Request(String user, String verb, String apiGroup, String resource) {
    }

    /**
     * The API server flags that write this plane's audit log, or none when no directory is set. The
     * first plane of a JVM clears what an earlier build left there.
     */
    static synchronized List<String> apiServerFlags(Path workDir) throws IOException {
        Optional<Path> directory = directory();
        if (directory.isEmpty()) {
            return List.of();
        }
        if (!cleared) {
            try (Stream<Path> old = Files.list(Files.createDirectories(directory.get()))) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            cleared = true;
        }
        Path policy = Files.writeString(workDir.resolve("audit-policy.yaml"), POLICY);
        Path log = directory.get().resolve("audit-" + workDir.getFileName() + ".log");
        return List.of("--audit-policy-file=" + policy, "--audit-log-path=" + log, "--audit-log-format=json",
                "--audit-log-maxsize=0");
    }

    public static Optional<Path> directory() {
        return Optional.ofNullable(System.getProperty(DIRECTORY_PROPERTY)).map(Path::of);
    }

    /** Every request logged in the directory's audit logs, by any control plane of the build. */
    public static AuditTrail read(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Set<Request> requests = new TreeSet<>(java.util.Comparator.comparing(Request::toString));
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                try (Stream<String> lines = Files.lines(file)) {
                    lines.map(AuditTrail::request).filter(Objects::nonNull).forEach(requests::add);
                }
            }
            return new AuditTrail(requests);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit logs in " + directory, e);
        }
    }

    private static Request request(String line) {
        JsonObject event = JsonParser.parseString(line).getAsJsonObject();
        if (!event.has("objectRef") || !"ResponseComplete".equals(event.get("stage").getAsString())) {
            return null;
        }
        JsonObject object = event.getAsJsonObject("objectRef");
        String resource = object.has("resource") ? object.get("resource").getAsString() : "";
        if (object.has("subresource")) {
            resource += "/" + object.get("subresource").getAsString();
        }
        String group = object.has("apiGroup") ? object.get("apiGroup").getAsString() : "";
        return new Request(event.getAsJsonObject("user").get("username").getAsString(),
                event.get("verb").getAsString(), group, resource);
    }

    /** How many requests the users made in all. */
    public long count(Predicate<String> user) {
        return requests.stream().filter(r -> user.test(r.user())).count();
    }

    /**
     * Each verb on each group and resource that the rules grant and no request of the users used,
     * as "verb group/resource"; a rule for resource "*" counts as used by a request on any resource of its group.
     */
    public Set<String> unusedGrants(Predicate<String> user, List<V1PolicyRule> rules) {
        Set<Request> used = requests.stream().filter(r -> user.test(r.user())).collect(Collectors.toSet());
        Set<String> unused = new TreeSet<>();
        forEachGrant(rules, (verb, group, resource) -> {
            boolean isUsed = used.stream().anyMatch(r -> r.verb().equals(verb) && r.apiGroup().equals(group)
                    && (resource.equals("*") || r.resource().equals(resource)));
            if (!isUsed) {
                unused.add(grant(verb, group, resource));
            }
        });
        return unused;
    }

    /** Each verb on each group and resource the rules grant, as "verb group/resource". */
    public static Set<String> grants(List<V1PolicyRule> rules) {
        Set<String> grants = new TreeSet<>();
        forEachGrant(rules, (verb, group, resource) -> grants.add(grant(verb, group, resource)));
        return grants;
    }

    private interface GrantVisitor {
        void visit(String verb, String group, String resource);
    }

    private static void forEachGrant(List<V1PolicyRule> rules, GrantVisitor visitor) {
        for (V1PolicyRule rule : rules) {
            for (String group : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        visitor.visit(verb, group, resource);
                    }
                }
            }
        }
    }

    private static String grant(String verb, String group, String resource) {
        return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
    }
}
