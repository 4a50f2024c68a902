package io.scatter.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One extra RabbitMQ node run as an OS process with a name, ports and directories of its own (never the machine's
 * {@code rabbit@localhost}), controlled with {@code rabbitmqctl -n NODE}.
 */
final class RabbitNode {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final String name;
    private final int amqpPort;
    private final int distPort;
    private final Path directory;
    private final Path home;
    private final Path binaries;
    private Process process;

    /**
     * @param name      the Erlang node name, e.g. {@code scatter-drill-1a2b-a@localhost}
     * @param directory its configuration, data and logs
     * @param home      the {@code HOME} whose {@code .erlang.cookie} the nodes and their {@code rabbitmqctl} share
     * @param binaries  the directory of the {@code rabbitmq-server} and {@code rabbitmqctl} scripts
     */
    RabbitNode(String name, int amqpPort, int distPort, Path directory, Path home, Path binaries) throws IOException {
        this.name = name;
        this.amqpPort = amqpPort;
        this.distPort = distPort;
        this.directory = Files.createDirectories(directory);
        this.home = home;
        this.binaries = binaries;
        Files.writeString(directory.resolve("rabbitmq.conf"), """
                listeners.tcp.1 = 127.0.0.1:%d
                loopback_users.guest = true
                log.console = false
                log.file.level = info
                """.formatted(amqpPort));
        Files.writeString(directory.resolve("enabled_plugins"), "[].\n");
        Files.writeString(directory.resolve("rabbitmq-env.conf"), "");
    }

    String name() {
        return name;
    }

    int amqpPort() {
        return amqpPort;
    }

    /** The short name, e.g. {@code a} for {@code scatter-drill-1a2b-a@localhost}. */
    String shortName() {
        String node = name.substring(0, name.indexOf('@'));
        return node.substring(node.lastIndexOf('-') + 1);
    }

    /** Starts the node's Erlang VM and RabbitMQ in it, and waits until it has booted. */
    void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(binaries.resolve("rabbitmq-server").toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("console.log").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.putAll(environment());
        environment.put("RABBITMQ_NODENAME", name);
        environment.put("RABBITMQ_DIST_PORT", Integer.toString(distPort));
        environment.put("RABBITMQ_CONFIG_FILE", directory.resolve("rabbitmq.conf").toString());
        environment.put("RABBITMQ_ADVANCED_CONFIG_FILE", directory.resolve("advanced.config").toString());
        environment.put("RABBITMQ_ENABLED_PLUGINS_FILE", directory.resolve("enabled_plugins").toString());
        environment.put("RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString());
        environment.put("RABBITMQ_LOG_BASE", directory.resolve("log").toString());
        environment.put("RABBITMQ_PID_FILE", directory.resolve("pid").toString());
        // The unused -scatter_drill_node flag puts the node's name on the VM's command line, for RabbitCluster to find.
        environment.put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS",
                "-kernel inet_dist_use_interface {127,0,0,1} -scatter_drill_node " + name);
        process = builder.start();
        awaitStartup();
    }

    /** Waits until the node (its VM started, or its application started again) has booted RabbitMQ. */
    void awaitStartup() throws InterruptedException {
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + directory.resolve("console.log") + " and " + directory.resolve("log"));
            }
            Result result = run("await_startup", "--timeout", "10");
            if (result.code() == 0) {
                return;
            }
            last = result.output();
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within " + COMMAND_TIMEOUT + ": " + last);
    }

    /** Runs {@code rabbitmqctl -q -n NODE args…}; fails on a non-zero exit. */
    String rabbitmqctl(String... args) throws InterruptedException {
        Result result = run(args);
        if (result.code() != 0) {
            throw new IllegalStateException("rabbitmqctl -n " + name + " " + String.join(" ", args) + " failed: "
                    + result.output().strip());
        }
        return result.output();
    }

    /** The operating-system process id of the node's Erlang VM, from its pid file, if it is running. */
    Optional<Long> vmPid() {
        try {
            long pid = Long.parseLong(Files.readString(directory.resolve("pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Kills the node's Erlang VM with SIGKILL, as a crash or power loss would, and waits until it is gone. */
    void kill() throws InterruptedException {
        Optional<ProcessHandle> vm = vmPid().flatMap(ProcessHandle::of);
        vm.ifPresent(ProcessHandle::destroyForcibly);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (vm.isPresent() && !gone(vm.get(), 30)) {
            throw new IllegalStateException(name + " (pid " + vm.get().pid() + ") survived SIGKILL");
        }
    }

    /** Whether the node's VM runs. */
    boolean isRunning() {
        return vmPid().isPresent() || (process != null && process.isAlive());
    }

    /** Stops the node ({@code rabbitmqctl stop}), or kills it if that does not end it within a minute. */
    void stop() throws InterruptedException {
        if (!isRunning()) {
            return;
        }
        Optional<ProcessHandle> vm = vmPid().flatMap(ProcessHandle::of);
        run("stop");
        boolean ended = (vm.isEmpty() || gone(vm.get(), 60))
                && (process == null || process.waitFor(30, TimeUnit.SECONDS));
        if (!ended) {
            kill();
        }
    }

    private static boolean gone(ProcessHandle handle, int seconds) throws InterruptedException {
        try {
            handle.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        }
    }

    /** The environment every {@code rabbitmq-server} and {@code rabbitmqctl} of these nodes runs with. */
    private Map<String, String> environment() {
        return Map.of("HOME", home.toString(),
                "RABBITMQ_CONF_ENV_FILE", directory.resolve("rabbitmq-env.conf").toString(),
                "ERL_EPMD_ADDRESS", "127.0.0.1");
    }

    private Result run(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(binaries.resolve("rabbitmqctl").toString(), "-q", "-n", name));
        command.addAll(List.of(args));
        Path output = null;
        try {
            output = Files.createTempFile(directory, "rabbitmqctl-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment());
            Process ctl = builder.start();
            if (!ctl.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ctl.destroyForcibly();
                ctl.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "timed out after " + COMMAND_TIMEOUT);
            }
            return new Result(ctl.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // the directory is removed with the cluster
                }
            }
        }
    }

    private record Result(int code, String output) {
    }
}
