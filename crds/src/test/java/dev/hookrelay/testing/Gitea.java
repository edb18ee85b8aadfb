package dev.hookrelay.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Gitea (built by {@code crds/controlplane/gitea.sh}) on a free loopback port, with a
 * SQLite database in a temporary directory and one administrator. It delivers webhooks only to
 * loopback addresses, signs them itself, and serves git over HTTP, so a test can push a commit
 * and watch the webhook arrive. One per JVM through {@link #shared()}.
 */
public final class Gitea implements AutoCloseable {
    static final String SCRIPT = "crds/controlplane/gitea.sh";
    public static final String ADMIN = "hookrelay-admin";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static Gitea shared;

    private final Path binary;
    private final Path workDir;
    private final Path config;
    private final String password;
    private final int port;
    private final ManagedProcess server;

    private Gitea(Path installDir, Path workDir) throws IOException {
        this.binary = installDir.resolve("gitea");
        this.workDir = workDir;
        this.password = random(16);
        this.port = FreePort.pick();
        this.config = workDir.resolve("app.ini");
        Files.writeString(config, appIni(installDir.resolve("static")));
        Files.createDirectories(workDir.resolve("home"));
        run("migrate", "--config", config.toString());
        run("admin", "user", "create", "--config", config.toString(), "--username", ADMIN, "--password", password,
                "--email", ADMIN + "@example.com", "--admin", "--must-change-password=false");
        List<String> command = new ArrayList<>(environment());
        command.addAll(List.of(binary.toString(), "web", "--config", config.toString()));
        this.server = new ManagedProcess("gitea", command, workDir.resolve("gitea.log"));
    }

    /** The JVM's Gitea, started on first use and stopped when the JVM exits. */
    public static synchronized Gitea shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "gitea-stop"));
        }
        return shared;
    }

    public static Gitea start() {
        try {
            Gitea gitea = new Gitea(locate(), Files.createTempDirectory("hookrelay-gitea-"));
            gitea.server.start();
            gitea.server.awaitReady(gitea::answers, START_TIMEOUT);
            return gitea;
        } catch (IOException e) {
            throw new IllegalStateException("could not start Gitea: " + e.getMessage(), e);
        }
    }

    /** Asks the build script, without building, where Gitea is. */
    static Path locate() {
        Path script = ControlPlaneAssets.projectRoot().resolve(SCRIPT);
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--check").start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Gitea is not built: " + err);
            }
            return Path.of(out);
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locating Gitea", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What a Receiver's spec.registration.apiURL names. */
    public String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    /** A new personal access token of the administrator, with exactly these scopes. */
    public String createToken(String name, String... scopes) {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        JsonArray scopeList = new JsonArray();
        for (String scope : scopes) {
            scopeList.add(scope);
        }
        body.add("scopes", scopeList);
        return api("POST", "/users/" + ADMIN + "/tokens", body).getAsJsonObject().get("sha1").getAsString();
    }

    /** An empty repository of the administrator's, or of an organization it created. */
    public void createRepository(String owner, String name) {
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("default_branch", "main");
        api("POST", ADMIN.equals(owner) ? "/user/repos" : "/orgs/" + owner + "/repos", body);
    }

    public void createOrganization(String name) {
        JsonObject body = new JsonObject();
        body.addProperty("username", name);
        api("POST", "/orgs", body);
    }

    /** A call to Gitea's REST API as the administrator; the parsed answer (JSON null when empty). */
    public JsonElement api(String method, String path, JsonElement body) {
        HttpResponse<String> response = send(method, path, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(response.body());
    }

    public HttpResponse<String> send(String method, String path, JsonElement body) {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The webhooks of a repository ("owner/name") as Gitea lists them (first 50). */
    public JsonArray repositoryHooks(String repository) {
        return api("GET", "/repos/" + repository + "/hooks?limit=50", null).getAsJsonArray();
    }

    /**
     * Commits a file and pushes it to the repository's main branch over HTTP with real git, as a
     * developer would; Gitea's own git hooks then queue the push webhook. Returns the commit id.
     */
    public String push(String repository, String file, String content) {
        try {
            Path clone = Files.createTempDirectory(workDir, "clone-");
            git(clone, "init", "-q", "-b", "main");
            Files.writeString(clone.resolve(file), content);
            git(clone, "add", file);
            git(clone, "-c", "user.name=Hookrelay Test", "-c", "user.email=test@example.com", "commit", "-q", "-m",
                    "Change " + file);
            String remote = "http://" + ADMIN + ":" + password + "@127.0.0.1:" + port + "/" + repository + ".git";
            git(clone, "push", "-q", remote, "HEAD:refs/heads/main");
            return git(clone, "rev-parse", "HEAD").trim();
        } catch (IOException e) {
            throw new IllegalStateException("git push to " + repository + ": " + e.getMessage(), e);
        }
    }

    private String git(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("HOME", workDir.resolve("home").toString());
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        return exec(builder, "git " + args[0]);
    }

    /** Runs a gitea subcommand to completion. */
    private void run(String... args) throws IOException {
        List<String> command = new ArrayList<>(environment());
        command.add(binary.toString());
        command.addAll(List.of(args));
        exec(new ProcessBuilder(command).redirectErrorStream(true), "gitea " + args[0]);
    }

    private static String exec(ProcessBuilder builder, String what) throws IOException {
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within 60 s:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " exited with " + process.exitValue() + ":\n" + output);
        }
        return output;
    }

    /**
     * Gitea refuses to run as root, which is who runs the tests in CI; its escape hatch for that
     * is an environment variable. HOME keeps git's configuration inside the work directory.
     */
    private List<String> environment() {
        return List.of("env", "GITEA_I_AM_BEING_UNSAFE_RUNNING_AS_ROOT=true",
                "HOME=" + workDir.resolve("home"), "GITEA_WORK_DIR=" + workDir, "GIT_CONFIG_NOSYSTEM=1");
    }

    private String appIni(Path staticRoot) {
        return """
                APP_NAME = Hookrelay test Gitea
                RUN_MODE = prod
                RUN_USER = %1$s
                WORK_PATH = %2$s

                [server]
                PROTOCOL = http
                HTTP_ADDR = 127.0.0.1
                HTTP_PORT = %3$d
                ROOT_URL = http://127.0.0.1:%3$d/
                DISABLE_SSH = true
                START_SSH_SERVER = false
                OFFLINE_MODE = true
                LFS_START_SERVER = false
                STATIC_ROOT_PATH = %4$s
                APP_DATA_PATH = %2$s/data

                [database]
                DB_TYPE = sqlite3
                PATH = %2$s/data/gitea.db
                SQLITE_JOURNAL_MODE = WAL

                [security]
                INSTALL_LOCK = true
                SECRET_KEY = %5$s
                INTERNAL_TOKEN = %6$s
                ; webhooks may go to this machine's loopback addresses, where the tests' receiver listens
                ALLOWED_HOST_LIST = loopback

                [oauth2]
                ENABLED = false

                [service]
                DISABLE_REGISTRATION = true

                [repository]
                ROOT = %2$s/repositories
                DEFAULT_BRANCH = main

                [webhook]
                DELIVER_TIMEOUT = 10

                [queue]
                TYPE = channel

                [indexer]
                ISSUE_INDEXER_TYPE = db
                REPO_INDEXER_ENABLED = false

                [session]
                PROVIDER = memory

                [cache]
                ADAPTER = memory

                [mailer]
                ENABLED = false

                [actions]
                ENABLED = false

                [cron.update_checker]
                ENABLED = false

                [log]
                MODE = console
                LEVEL = Info
                ROOT_PATH = %2$s/log
                """.formatted(System.getProperty("user.name"), workDir, port, staticRoot, random(32), random(32));
    }

    private boolean answers() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/version"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The tail of Gitea's log, for a failure message. */
    public String logTail() {
        return server.logTail();
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    @Override
    public void close() {
        server.stop();
    }
}
