package io.scatter.head;

import io.scatter.api.auth.AuthMode;
import io.scatter.api.auth.OidcOptions;
import io.scatter.messaging.HeadNodeAddress;
import io.scatter.messaging.LogFormat;
import io.scatter.messaging.Settings;
import io.scatter.messaging.Settings.Option;
import io.scatter.messaging.Settings.UsageException;
import io.scatter.worker.WorkerConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The head node's command-line flags and environment variables, turned into a {@link HeadConfig}. */
final class HeadOptions {

    static final String COMMAND = "scatter serve";
    static final int MAX_WORKERS = 1024;

    private static final Option AMQP_PORT = new Option("--amqp-port", "SCATTER_AMQP_PORT",
            String.valueOf(HeadNodeAddress.DEFAULT_PORT), "AMQP port remote workers join ('scatter worker --connect')");
    private static final Option BIND = new Option("--bind", "SCATTER_BIND", "0.0.0.0",
            "address the HTTP and AMQP ports listen on (127.0.0.1: this machine only)");
    private static final Option DATA = new Option("--data", "SCATTER_DATA", ".scatter-data",
            "directory the database and the broker keep jobs and messages in");
    private static final Option WORKERS = new Option("--workers", "SCATTER_WORKERS",
            String.valueOf(Runtime.getRuntime().availableProcessors()),
            "compute threads of the head node's own worker, 0.." + MAX_WORKERS);
    private static final Option BROKER_USER = new Option("--broker-user", "SCATTER_BROKER_USER",
            HeadNodeAddress.DEFAULT_USER, "user remote workers log in to the broker as");
    private static final Option BROKER_PASSWORD = new Option("--broker-password", "SCATTER_BROKER_PASSWORD",
            HeadNodeAddress.DEFAULT_PASSWORD, "that user's password");

    static final List<Option> OPTIONS = List.of(Settings.PORT, AMQP_PORT, BIND, DATA, WORKERS, BROKER_USER,
            BROKER_PASSWORD, AuthMode.OPTION, OidcOptions.ISSUER, OidcOptions.AUDIENCE, Settings.LOG_FORMAT);

    private HeadOptions() {
    }

    /**
     * The configuration given by {@code args}, then {@code environment}, then the defaults.
     *
     * @throws UsageException one line naming the flag, for a value that does not fit
     */
    static HeadConfig parse(String[] args, Map<String, String> environment) throws UsageException {
        Settings settings = Settings.parse(args, environment, OPTIONS);
        int httpPort = settings.getInt(Settings.PORT, 0, 65_535);
        int amqpPort = settings.getInt(AMQP_PORT, 0, 65_535);
        if (httpPort != 0 && httpPort == amqpPort) {
            throw new UsageException("--port and --amqp-port must differ, both are " + httpPort);
        }
        String bind = settings.get(BIND).trim();
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException | SecurityException e) {
            throw new UsageException("--bind must be an address of this machine, e.g. 0.0.0.0 or 127.0.0.1, got '"
                    + bind + "'");
        }
        Path data;
        try {
            data = Path.of(settings.get(DATA)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException("--data is not a valid path: " + e.getMessage());
        }
        String user = settings.get(BROKER_USER);
        if (user.isBlank()) {
            throw new UsageException("--broker-user must not be empty");
        }
        AuthMode auth;
        try {
            auth = AuthMode.parse(settings.get(AuthMode.OPTION));
        } catch (IllegalArgumentException e) {
            throw new UsageException(AuthMode.OPTION.flag() + " " + e.getMessage());
        }
        return new HeadConfig(httpPort, amqpPort, bind, data, settings.getInt(WORKERS, 0, MAX_WORKERS), user,
                settings.get(BROKER_PASSWORD), WorkerConfig.defaultName(), LogFormat.of(settings), auth,
                OidcOptions.properties(settings));
    }

    /** The usage text printed by {@code --help}. */
    static String usage() {
        return "Scatter head node: the HTTP API, an AMQP broker remote workers join, a PostgreSQL database and local "
                + "workers in one process.\n"
                + Settings.usage(COMMAND, OPTIONS)
                + String.format("  %-22s %s%n", "--help", "print this help and exit")
                + "example: scatter serve --port 8080 --workers 2   then on another machine: "
                + "scatter worker --connect HEAD_HOST:5672\n";
    }
}
