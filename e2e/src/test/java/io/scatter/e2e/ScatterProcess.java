package io.scatter.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One built Scatter artefact running as a separate OS process, its output captured to a log file. */
final class ScatterProcess implements AutoCloseable {

    /** The checkout the built artefacts are in. */
    static final Path ROOT = Path.of(System.getProperty("scatter.root", "..")).toAbsolutePath().normalize();
    private static final String HEAP = "-Xmx512m";
    private static final Map<String, List<String>> LAUNCHER_FLAGS = new ConcurrentHashMap<>();

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean suspended;

    private ScatterProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar jar args…}, logging to {@code logDirectory/name.log}. */
    static ScatterProcess start(String name, Path jar, Path logDirectory, String... args) throws IOException {
        return start(name, List.of(), jar, logDirectory, args);
    }

    /**
     * Starts {@code prefix… java -jar jar args…}, e.g. with the prefix {@code ip netns exec NS}; the prefix must
     * replace itself with the JVM ({@code exec}), so that signals sent to this process reach the JVM.
     */
    static ScatterProcess start(String name, List<String> prefix, Path jar, Path logDirectory, String... args)
            throws IOException {
        return start(name, prefix, jar, logDirectory, Map.of(), args);
    }

    /** As {@link #start(String, List, Path, Path, String...)}, with {@code environment} added to this process's. */
    static ScatterProcess start(String name, List<String> prefix, Path jar, Path logDirectory,
                                Map<String, String> environment, String... args) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags(jar, args));
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return start(name, builder, logDirectory);
    }

    /**
     * Starts {@code ./scatter args…} as a user would; the launcher replaces itself with the JVM ({@code exec}), so
     * signals sent to this process reach the JVM.
     */
    static ScatterProcess launch(String name, Path logDirectory, String... args) throws IOException {
        return launch(name, logDirectory, Map.of("SCATTER_JAVA_OPTS", HEAP), args);
    }

    /** As {@link #launch(String, Path, String...)} with {@code environment}; without SCATTER_JAVA_OPTS in it, none. */
    static ScatterProcess launch(String name, Path logDirectory, Map<String, String> environment, String... args)
            throws IOException {
        ProcessBuilder builder = launcher(args);
        builder.environment().putAll(environment);
        return start(name, builder, logDirectory);
    }

    /**
     * The launcher's JVM flags for {@code command} run with {@code args} ({@code ./scatter jvm-flags api|worker ARGS}:
     * a worker's heap follows its --concurrency), read once per command and arguments.
     */
    static List<String> launcherFlags(String command, String... args) {
        List<String> key = new ArrayList<>(List.of("jvm-flags", command));
        key.addAll(List.of(args));
        return LAUNCHER_FLAGS.computeIfAbsent(String.join("\u0000", key),
                ignored -> readLauncherFlags(key.toArray(String[]::new)));
    }

    private static List<String> readLauncherFlags(String... launcherArgs) {
        String command = String.join(" ", launcherArgs);
        try {
            Process process = launcher(launcherArgs).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String flags = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("./scatter " + command + " failed");
            }
            return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the launcher's JVM flags", e);
        }
    }

    /** The API and the worker run with the launcher's flags, as users run them; any other jar with a fixed heap. */
    private static List<String> jvmFlags(Path jar, String... args) {
        String file = jar.getFileName().toString();
        if (file.equals("scatter-worker-exec.jar")) {
            List<String> concurrency = new ArrayList<>();
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--concurrency")) {
                    concurrency = List.of(args[i], args[i + 1]);
                }
            }
            return launcherFlags("worker", concurrency.toArray(String[]::new));
        }
        if (file.equals("scatter-api-exec.jar")) {
            return launcherFlags("api");
        }
        return List.of(HEAP);
    }

    /** {@code ./scatter args…} in the checkout, on the JDK running the tests, with no SCATTER_JAVA_OPTS of its own. */
    private static ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("scatter").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("SCATTER_JAVA_OPTS");
        builder.environment().remove("SCATTER_CDS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder;
    }

    private static ScatterProcess start(String name, ProcessBuilder builder, Path logDirectory) throws IOException {
        Path log = logDirectory.resolve(name + ".log");
        Process process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new ScatterProcess(name, process, log);
    }

    /** A TCP port on loopback that nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** The exit status of a process that has ended, e.g. 137 after SIGKILL or a JVM halted with that status. */
    int exitValue() {
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends {@code signal} (a name such as {@code STOP} or {@code CONT}) with {@code kill -SIGNAL pid}: the JDK sends
     * only SIGTERM and SIGKILL itself.
     */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        if (signal.equals("STOP")) {
            suspended = true;
        } else if (signal.equals("CONT")) {
            suspended = false;
        }
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM and returns the exit code, or fails if the process did not exit within {@code timeout}. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout + " of SIGTERM; log:\n" + log());
        }
        return process.exitValue();
    }

    /** Waits until the log contains {@code text}; fails with the log if the process dies or time runs out. */
    void awaitLog(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " before logging '" + text
                        + "'; log:\n" + log());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " did not log '" + text + "' within " + timeout + "; log:\n" + log());
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && suspended) {
            try {
                signal("CONT");
            } catch (IOException | RuntimeException e) {
                kill();
            }
        }
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
