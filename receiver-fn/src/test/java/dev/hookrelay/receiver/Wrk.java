package dev.hookrelay.receiver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, a load generator in C, with a Lua script that gives every request a unique id
 * ({@code id .. "-" .. n}) and prints one machine-readable line at the end: the figures then
 * belong to the server under test, not to a Java client sharing its cores.
 */
final class Wrk {
    private static final Pattern RESULT = Pattern.compile(
            "RESULT requests=(\\d+) non2xx=(\\d+) socket=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");
    private static final String DONE = """
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT requests=%d non2xx=%d socket=%d duration_us=%d p50_us=%d p99_us=%d\\n",
                summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.duration,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    private Wrk() {
    }

    static boolean installed() {
        try {
            return new ProcessBuilder("wrk", "--version").start().waitFor() != 127;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A Lua script whose {@code request()} builds each request; in it, {@code id} is unique per
     * wrk thread (prefixed by {@code idPrefix}) and {@code n} counts that thread's requests.
     */
    static Path script(Path dir, String idPrefix, String method, String request) throws IOException {
        return script(dir, idPrefix, method, request, "");
    }

    /** The same, with more Lua at the top level (a {@code response(status, headers, body)} function, say). */
    static Path script(Path dir, String idPrefix, String method, String request, String topLevel) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "wrk-", ".lua"), """
                wrk.method = "%s"
                local threads = 0
                function setup(thread)
                  threads = threads + 1
                  thread:set("id", "%s-" .. threads)
                end
                n = 0
                function request()
                  n = n + 1
                %s
                end
                """.formatted(method, idPrefix, request) + topLevel + DONE);
    }

    /** Closed loop: each of {@code connections} sends its next request when the last is answered. */
    static Result run(Path script, int connections, int seconds, Map<String, String> headers, String url) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t" + Math.min(2, connections), "-c" + connections,
                "-d" + seconds + "s", "--timeout", "30s", "-s", script.toString()));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(url);
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher m = RESULT.matcher(output);
            if (!m.find()) {
                throw new IllegalStateException("wrk printed no RESULT line:\n" + output);
            }
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)) / 1e6, Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run wrk: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** wrk counts an answer of 400 or more as an error; every other answer here is a 2xx. */
    record Result(long answered, long non2xx, long socketErrors, double seconds, double p50Millis, double p99Millis) {
        long ok() {
            return answered - non2xx;
        }

        double okPerSecond() {
            return ok() / seconds;
        }
    }
}
