package dev.hookrelay.receiver;

import dev.hookrelay.testing.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM the image runs the function with: JDK 25, the options of {@code image/jvm.options},
 * and an AOT cache trained by the image's own script ({@code image/train-aot-cache.sh}), here
 * against the packaged jar so that the cache matches the class path the benchmark runs.
 */
public record ShippedJvm(String label, Path javaHome, List<String> options) {
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** receiver-fn/image, beside the target directory of the jar under test, from whichever module runs. */
    static final Path IMAGE = FunctionProcess.JAR.toAbsolutePath().getParent().resolveSibling("image");
    /** What a 256 MiB container tells the JVM; on this host the JVM would size itself for 24 GiB. */
    static final String CONTAINER = "-XX:MaxRAM=256m";

    /** The image's own JVM: its options file and a cache trained for them. */
    public static ShippedJvm image(Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(JDK25.resolve("bin/java"))) {
            throw new IllegalStateException("the image runs JDK 25; install it at " + JDK25);
        }
        return train("image", IMAGE.resolve("jvm.options"), workDir);
    }

    /** Trains a cache for the options in {@code optionsFile} and returns the JVM that uses it. */
    static ShippedJvm train(String label, Path optionsFile, Path workDir) throws IOException, InterruptedException {
        Path classes = workDir.resolve("training-classes");
        if (!Files.exists(classes.resolve("TrainingApiServer.class"))) {
            run(List.of(JDK25.resolve("bin/javac").toString(), "-d", classes.toString(),
                    IMAGE.resolve("TrainingApiServer.java").toString()), workDir.resolve("javac.log"));
        }
        Path cache = Files.createTempFile(workDir, "receiver-fn-", ".aot");
        Files.delete(cache);
        ProcessBuilder training = new ProcessBuilder("bash", IMAGE.resolve("train-aot-cache.sh").toString(),
                FunctionProcess.JAR.getParent().toString(), cache.toString(), classes.toString(), optionsFile.toString());
        training.environment().put("JAVA", JDK25.resolve("bin/java").toString());
        training.environment().put("FUNCTION_PORT", Integer.toString(FreePort.pick()));
        training.environment().put("API_PORT", Integer.toString(FreePort.pick()));
        training.environment().put("METRICS_PORT", Integer.toString(FreePort.pick()));
        run(training, workDir.resolve("training.log"));
        // AOTMode=on: a cache the JVM cannot use fails the run instead of being measured without it
        List<String> options = new ArrayList<>(List.of("@" + optionsFile.toAbsolutePath(), "-XX:AOTCache=" + cache,
                "-XX:AOTMode=on", CONTAINER));
        return new ShippedJvm(label, JDK25, options);
    }

    /** An options file holding {@code options}, for JVMs other than the shipped one. */
    static Path optionsFile(Path workDir, String name, List<String> options) throws IOException {
        return Files.writeString(workDir.resolve(name + ".options"), String.join("\n", options) + "\n");
    }

    static String describe(Path optionsFile) throws IOException {
        return String.join(" ", Files.readAllLines(optionsFile).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
    }

    FunctionProcess start(java.util.Map<String, String> env, Path log) {
        return FunctionProcess.start(javaHome, options, env, log);
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        run(new ProcessBuilder(command), log);
    }

    private static void run(ProcessBuilder command, Path log) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n" + Files.readString(log));
        }
    }
}
