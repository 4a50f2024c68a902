package io.scatter.worker;

import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.HeadNodeAddress;
import io.scatter.messaging.LogFormat;
import io.scatter.messaging.MessageSigning;
import io.scatter.messaging.Settings;
import io.scatter.messaging.Settings.Option;
import io.scatter.messaging.Settings.UsageException;
import io.scatter.messaging.transport.TaskAdmission;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The worker's command-line flags and environment variables, turned into a {@link WorkerConfig}. */
final class WorkerOptions {

    static final String COMMAND = "java -jar scatter-worker-exec.jar";
    static final int MAX_CONCURRENCY = 1024;
    static final int MAX_PREFETCH = 65_535;
    static final int MAX_GRACE_SECONDS = 86_400;
    static final int MAX_HEARTBEAT_SECONDS = 3_600;
    static final int MIN_TASK_BYTES = 1024;
    static final int MAX_TASK_BYTES = 16 * 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Option concurrency = new Option("--concurrency", "SCATTER_CONCURRENCY",
            String.valueOf(Runtime.getRuntime().availableProcessors()),
            "tasks computed at once, 1.." + MAX_CONCURRENCY);
    private final Option prefetch = new Option("--prefetch", "SCATTER_PREFETCH", "",
            "tasks held at most (computing, waiting for a thread or for their result's confirm), --concurrency.."
                    + MAX_PREFETCH + "; more speeds up tiny tasks, --concurrency suits long ones; none: --concurrency");
    private final Option name = new Option("--name", "SCATTER_WORKER_NAME", defaultName(),
            "worker name in results and logs");
    private final Option grace = new Option("--grace", "SCATTER_SHUTDOWN_GRACE", "30",
            "seconds in-flight tasks may finish after SIGTERM");
    private final Option heartbeat = new Option("--heartbeat", "SCATTER_HEARTBEAT_INTERVAL",
            String.valueOf(WorkerConfig.DEFAULT_HEARTBEAT.toSeconds()),
            "seconds between heartbeats, 1.." + MAX_HEARTBEAT_SECONDS);
    private final Option connect = new Option("--connect", "SCATTER_CONNECT", "",
            "join a head node ('scatter serve') at HOST[:PORT] instead of --rabbitmq");
    private final Option brokerUser = new Option("--broker-user", "SCATTER_BROKER_USER",
            HeadNodeAddress.DEFAULT_USER, "user on the head node's broker (with --connect)");
    private final Option brokerPassword = new Option("--broker-password", "SCATTER_BROKER_PASSWORD",
            HeadNodeAddress.DEFAULT_PASSWORD, "password on the head node's broker (with --connect)");
    private final Option httpPort = new Option("--http-port", "SCATTER_WORKER_HTTP_PORT", "",
            "serve /metrics, /health/live and /health/ready on this port, 0..65535 (0: a free one, logged); "
                    + "none: no HTTP server");
    private final Option httpBind = new Option("--http-bind", "SCATTER_WORKER_HTTP_BIND",
            HttpEndpoint.DEFAULT_BIND_ADDRESS, "address the HTTP server listens on (127.0.0.1: this machine only)");
    private final Option maxTaskBytes = new Option("--max-task-bytes", "SCATTER_MAX_TASK_BYTES",
            String.valueOf(TaskAdmission.DEFAULT_MAX_BODY_BYTES),
            "largest task message body read, " + MIN_TASK_BYTES + ".." + MAX_TASK_BYTES + "; larger ones are "
                    + "dead-lettered");
    private final List<Option> options = List.of(Settings.RABBITMQ, connect, brokerUser, brokerPassword, concurrency,
            prefetch, name, grace, heartbeat, Settings.PLUGINS, Settings.LOG_FORMAT, httpPort, httpBind,
            Settings.SIGNING_KEY_FILE, maxTaskBytes);

    /** The configuration given by {@code args}, then {@code environment}, then the defaults. */
    WorkerConfig parse(String[] args, Map<String, String> environment) throws UsageException {
        Settings settings = Settings.parse(args, environment, options);
        String uri = brokerUri(settings);
        try {
            BrokerConnection.factory(uri);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String workerName = settings.get(name).trim();
        if (!NAME.matcher(workerName).matches()) {
            throw new UsageException("--name must be 1 to 100 letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit, got '" + workerName + "'");
        }
        int threads = settings.getInt(concurrency, 1, MAX_CONCURRENCY);
        int held = settings.get(prefetch).isBlank() ? WorkerConfig.defaultPrefetch(threads)
                : settings.getInt(prefetch, threads, MAX_PREFETCH);
        return new WorkerConfig(uri, threads, workerName,
                Duration.ofSeconds(settings.getInt(grace, 0, MAX_GRACE_SECONDS)),
                Duration.ofSeconds(settings.getInt(heartbeat, 1, MAX_HEARTBEAT_SECONDS)),
                settings.get(Settings.PLUGINS), held, LogFormat.of(settings), httpEndpoint(settings),
                admission(settings, environment));
    }

    /** Which task messages the worker reads: up to {@code --max-task-bytes}, signed when there is a signing key. */
    private TaskAdmission admission(Settings settings, Map<String, String> environment) throws UsageException {
        int maxBytes = settings.getInt(maxTaskBytes, MIN_TASK_BYTES, MAX_TASK_BYTES);
        try {
            return new TaskAdmission(maxBytes, MessageSigning.configured(
                    environment.get(Settings.SIGNING_KEY_VARIABLE), settings.get(Settings.SIGNING_KEY_FILE)));
        } catch (MessageSigning.KeyException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The HTTP server's address, or none when no {@code --http-port} is given. */
    private HttpEndpoint httpEndpoint(Settings settings) throws UsageException {
        if (settings.get(httpPort).isBlank()) {
            if (settings.isGiven(httpBind)) {
                throw new UsageException("--http-bind needs --http-port");
            }
            return HttpEndpoint.NONE;
        }
        String bind = settings.get(httpBind).trim();
        if (bind.isEmpty() || new InetSocketAddress(bind, 0).isUnresolved()) {
            throw new UsageException("--http-bind must be an address of this machine such as 0.0.0.0 or 127.0.0.1, "
                    + "got '" + bind + "'");
        }
        return new HttpEndpoint(bind, settings.getInt(httpPort, 0, 65_535));
    }

    /** The RabbitMQ URI, or the head node's URI when {@code --connect} is given (never both). */
    private String brokerUri(Settings settings) throws UsageException {
        if (settings.get(connect).isBlank()) {
            return settings.get(Settings.RABBITMQ);
        }
        if (settings.isGiven(Settings.RABBITMQ)) {
            throw new UsageException("give either --connect (a head node) or --rabbitmq (a RabbitMQ broker), not both");
        }
        try {
            return HeadNodeAddress.parse(settings.get(connect))
                    .uri(settings.get(brokerUser), settings.get(brokerPassword));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--connect: " + e.getMessage());
        }
    }

    /** The usage text printed by {@code --help}. */
    String usage() {
        return "Scatter worker: computes tasks from queue scatter.tasks on RabbitMQ or a head node and publishes their "
                + "results.\n"
                + Settings.usage(COMMAND, options)
                + String.format("  %-22s %s%n", "--help", "print this help and exit")
                + "examples: scatter worker --connect head-node:5672 --concurrency 4\n"
                + "          scatter worker --http-port 9100      (Prometheus scrapes :9100/metrics)\n"
                + "          scatter worker --rabbitmq amqp://user:password@rabbitmq:5672 --name pi-1\n";
    }

    /** The host name and process id, e.g. {@code raspberrypi-4242}. */
    static String defaultName() {
        return sanitize(hostName()) + "-" + ProcessHandle.current().pid();
    }

    /** The name of this machine: {@code $HOSTNAME}, else the kernel's host name, else what the resolver says. */
    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "worker";
            }
        }
    }

    private static String sanitize(String host) {
        String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        if (cleaned.isEmpty()) {
            return "worker";
        }
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
