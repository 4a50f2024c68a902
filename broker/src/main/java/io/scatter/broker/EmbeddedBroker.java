package io.scatter.broker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.BrokerModel;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.port.AmqpPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * An AMQP 0-9-1 broker in this process: Apache Qpid Broker-J with one TCP port, one user (plain SASL, as the
 * RabbitMQ Java client speaks it) and one virtual host, configured from a JSON document this class writes into the
 * data directory. Nothing is read from or written outside that directory.
 *
 * <ul>
 *   <li>The broker's own configuration (port, user, virtual host node) is kept in memory and built afresh from
 *       {@link Config} on every start, so a restart with another port or password takes effect.</li>
 *   <li>The virtual host keeps its queues, exchanges, bindings and persistent messages in a Derby database under
 *       {@code <data directory>/<virtual host>} ({@link Store#DERBY}, the default) — they survive a restart — or in
 *       memory ({@link Store#MEMORY}).</li>
 * </ul>
 *
 * <p>Qpid speaks AMQP 0-9-1 to the RabbitMQ client but is not RabbitMQ: it rejects RabbitMQ's {@code x-} queue
 * arguments, and has its own dead-lettering (an alternate binding) and delivery limit; {@code io.scatter.messaging.Topology}
 * declares its queues by the broker product it finds. Qpid logs through SLF4J under {@code org.apache.qpid} and its
 * operational log under {@code qpid.message}; an application quiets it in its logging configuration.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String PORT_NAME = "AMQP";
    private static final String AUTHENTICATION_PROVIDER = "plain";
    private static final String DERBY_LOG_METHOD = "derby.stream.error.method";
    private static final String DERBY_LOG_FILE = "derby.stream.error.file";
    private static final String DERBY_LOG_FIELD = "derby.stream.error.field";
    private static final String QPID_DERBY_LOG_WRITER = "org.apache.qpid.server.store.derby.DerbyUtils.getDerbyLogWriter";

    /** Where the broker keeps its virtual host: its queues and persistent messages. */
    public enum Store {
        /** A Derby database under the data directory: queues and persistent messages survive a restart. */
        DERBY,
        /** Memory only: everything is gone when the broker stops. */
        MEMORY
    }

    /**
     * How to run the broker.
     *
     * @param dataDirectory where the broker writes everything (its configuration document, its store, its work files)
     * @param host          the address the port binds to, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port          the TCP port; 0 picks a free one ({@link #port()} tells which)
     * @param user          the one user allowed in
     * @param password      that user's password
     * @param virtualHost   the virtual host's name, the path of {@link #uri()}
     * @param store         where the virtual host keeps queues and messages
     */
    public record Config(Path dataDirectory, String host, int port, String user, String password, String virtualHost,
                         Store store) {

        /** The default address: loopback only. */
        public static final String DEFAULT_HOST = "127.0.0.1";
        /** The default port: AMQP's. */
        public static final int DEFAULT_PORT = 5672;
        /** The default user and password. */
        public static final String DEFAULT_USER = "guest";
        /** The default virtual host. */
        public static final String DEFAULT_VIRTUAL_HOST = "scatter";

        public Config {
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(virtualHost, "virtualHost");
            Objects.requireNonNull(store, "store");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host is blank");
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            if (user.isEmpty()) {
                throw new IllegalArgumentException("user is empty");
            }
            if (!NAME.matcher(virtualHost).matches()) {
                throw new IllegalArgumentException("virtual host must be letters, digits, '.', '_' or '-', got '"
                        + virtualHost + "'");
            }
        }

        /** 127.0.0.1:5672, guest/guest, virtual host {@code scatter}, a Derby store under {@code dataDirectory}. */
        public static Config defaults(Path dataDirectory) {
            return new Config(dataDirectory, DEFAULT_HOST, DEFAULT_PORT, DEFAULT_USER, DEFAULT_USER,
                    DEFAULT_VIRTUAL_HOST, Store.DERBY);
        }

        public Config withHost(String newHost) {
            return new Config(dataDirectory, newHost, port, user, password, virtualHost, store);
        }

        public Config withPort(int newPort) {
            return new Config(dataDirectory, host, newPort, user, password, virtualHost, store);
        }

        public Config withUser(String newUser, String newPassword) {
            return new Config(dataDirectory, host, port, newUser, newPassword, virtualHost, store);
        }

        public Config withVirtualHost(String newVirtualHost) {
            return new Config(dataDirectory, host, port, user, password, newVirtualHost, store);
        }

        public Config withStore(Store newStore) {
            return new Config(dataDirectory, host, port, user, password, virtualHost, newStore);
        }

        @Override
        public String toString() {
            return "Config[dataDirectory=" + dataDirectory + ", host=" + host + ", port=" + port + ", user=" + user
                    + ", password=***, virtualHost=" + virtualHost + ", store=" + store + "]";
        }
    }

    private final Config config;
    private final SystemLauncher launcher;
    private final int boundPort;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedBroker(Config config, SystemLauncher launcher, int boundPort) {
        this.config = config;
        this.launcher = launcher;
        this.boundPort = boundPort;
    }

    /**
     * Starts a broker and returns once its port accepts connections.
     *
     * @throws BrokerStartException when the broker does not start (the port is taken, the store cannot be opened, …)
     */
    public static EmbeddedBroker start(Config config) throws BrokerStartException {
        Objects.requireNonNull(config, "config");
        Path dataDirectory = config.dataDirectory().toAbsolutePath();
        Path initialConfig = dataDirectory.resolve("initial-config.json");
        refuseTakenPort(config);
        routeDerbyLogToSlf4j();
        try {
            Files.createDirectories(dataDirectory);
            Files.writeString(initialConfig, initialConfiguration(config, dataDirectory));
        } catch (IOException e) {
            throw new BrokerStartException("cannot write the broker configuration to " + initialConfig + ": "
                    + e.getMessage(), e);
        }
        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        AtomicReference<RuntimeException> startupError = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }

            @Override
            public void errorOnStartup(RuntimeException e) {
                startupError.set(e);
            }
        });
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(SystemConfig.TYPE, "Memory");
        attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, initialConfig.toUri().toString());
        attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
        attributes.put(SystemConfig.CONTEXT, Map.of(
                SystemConfig.QPID_WORK_DIR, dataDirectory.toString(),
                Broker.BROKER_FAIL_STARTUP_WITH_ERRORED_CHILD, "true"));
        attributes.put(Broker.PREFERENCE_STORE_ATTRIBUTES, "{\"type\": \"Noop\"}");
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            startupError.compareAndSet(null, e instanceof RuntimeException runtime ? runtime : new RuntimeException(e));
        }
        if (startupError.get() != null) {
            shutdownQuietly(launcher);
            throw new BrokerStartException("the embedded broker did not start on " + config.host() + ":"
                    + config.port() + ": " + Failures.deepestReason(startupError.get()), startupError.get());
        }
        int port;
        try {
            port = boundPort(system.get());
        } catch (RuntimeException e) {
            shutdownQuietly(launcher);
            throw new BrokerStartException("the embedded broker started but its AMQP port did not: "
                    + Failures.deepestReason(e), e);
        }
        EmbeddedBroker broker = new EmbeddedBroker(config, launcher, port);
        log.info("Embedded AMQP broker listening on {}:{} (virtual host '{}', {} store in {})", config.host(), port,
                config.virtualHost(), config.store().name().toLowerCase(Locale.ROOT), dataDirectory);
        return broker;
    }

    /**
     * Fails early, with a clear reason, when the configured port is taken (Qpid would only log the bind failure and
     * report a broker in ERROR state).
     */
    private static void refuseTakenPort(Config config) throws BrokerStartException {
        if (config.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(config.host(), config.port()));
        } catch (IOException e) {
            throw new BrokerStartException("cannot listen on " + config.host() + ":" + config.port() + " (is the port "
                    + "taken?): " + e.getMessage(), e);
        }
    }

    /**
     * Derby writes {@code derby.log} into the working directory unless told otherwise; route it to SLF4J (logger
     * {@code DERBY}) instead, as Qpid means to. Set before any broker starts, whatever its store: Qpid loads the Derby
     * driver with its plugins, and Derby reads the setting once, when its engine boots. Once per JVM; a choice made by
     * the application is kept.
     */
    private static void routeDerbyLogToSlf4j() {
        synchronized (EmbeddedBroker.class) {
            if (System.getProperty(DERBY_LOG_METHOD) == null && System.getProperty(DERBY_LOG_FILE) == null
                    && System.getProperty(DERBY_LOG_FIELD) == null) {
                System.setProperty(DERBY_LOG_METHOD, QPID_DERBY_LOG_WRITER);
            }
        }
    }

    private static int boundPort(SystemConfig<?> system) {
        if (system == null) {
            throw new IllegalStateException("the broker was never resolved");
        }
        Broker<?> broker = system.getContainer(Broker.class);
        Port<?> port = broker.getChildByName(Port.class, PORT_NAME);
        if (!(port instanceof AmqpPort<?> amqp) || amqp.getBoundPort() <= 0) {
            throw new IllegalStateException("port " + PORT_NAME + " is not bound (state "
                    + (port == null ? "missing" : port.getState()) + ")");
        }
        return amqp.getBoundPort();
    }

    /** The broker's configuration document: one plain-auth user, one AMQP 0-9-1 port, one virtual host node. */
    static String initialConfiguration(Config config, Path dataDirectory) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("name", config.user());
        user.put("type", "managed");
        user.put("password", config.password());

        Map<String, Object> authentication = new LinkedHashMap<>();
        authentication.put("name", AUTHENTICATION_PROVIDER);
        authentication.put("type", "Plain");
        // PLAIN over a plain socket, as RabbitMQ allows it (Qpid offers it only over TLS by default)
        authentication.put("secureOnlyMechanisms", List.of());
        authentication.put("users", List.of(user));

        Map<String, Object> port = new LinkedHashMap<>();
        port.put("name", PORT_NAME);
        port.put("type", "AMQP");
        port.put("port", config.port());
        port.put("bindingAddress", config.host());
        port.put("protocols", List.of("AMQP_0_9_1"));
        port.put("transports", List.of("TCP"));
        port.put("authenticationProvider", AUTHENTICATION_PROVIDER);
        // an unroutable mandatory publish comes back as basic.return, as on RabbitMQ, instead of closing the connection
        port.put("closeWhenNoRoute", false);
        port.put("virtualhostaliases", List.of(
                Map.of("name", "nameAlias", "type", "nameAlias"),
                Map.of("name", "defaultAlias", "type", "defaultAlias")));

        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", config.virtualHost());
        node.put("defaultVirtualHostNode", true);
        if (config.store() == Store.DERBY) {
            node.put("type", "DERBY");
            node.put("storePath", dataDirectory.resolve(config.virtualHost()).toString());
            node.put("virtualHostInitialConfiguration", json(Map.of("type", "ProvidedStore")));
        } else {
            node.put("type", "Memory");
            node.put("virtualHostInitialConfiguration", json(Map.of("type", "Memory")));
        }

        Map<String, Object> broker = new LinkedHashMap<>();
        broker.put("name", "scatter");
        broker.put("modelVersion", BrokerModel.MODEL_VERSION);
        broker.put("authenticationproviders", List.of(authentication));
        broker.put("ports", List.of(port));
        broker.put("virtualhostnodes", List.of(node));
        return json(broker);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host clients connect to: the configured one, or loopback when the broker binds every address. */
    public String host() {
        String host = config.host();
        return "0.0.0.0".equals(host) || "::".equals(host) ? "127.0.0.1" : host;
    }

    /** The TCP port the broker listens on (the one picked when the configured port was 0). */
    public int port() {
        return boundPort;
    }

    public String virtualHost() {
        return config.virtualHost();
    }

    public Config config() {
        return config;
    }

    /** {@code amqp://user:password@host:port/virtualHost}, for the RabbitMQ client. */
    public String uri() {
        String host = host().contains(":") ? "[" + host() + "]" : host();
        return "amqp://" + encode(config.user()) + ":" + encode(config.password()) + "@" + host + ":" + boundPort + "/"
                + encode(config.virtualHost());
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Stops the broker: closes every connection and the store. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            shutdownQuietly(launcher);
            log.info("Embedded AMQP broker on {}:{} stopped", config.host(), boundPort);
        }
    }

    private static void shutdownQuietly(SystemLauncher launcher) {
        try {
            launcher.shutdown();
        } catch (RuntimeException e) {
            log.warn("Stopping the embedded broker failed: {}", Failures.deepestReason(e));
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + config.host() + ":" + boundPort + "/" + config.virtualHost() + "]";
    }
}
