package io.scatter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

/**
 * A connection to RabbitMQ that is retried with exponential backoff until the broker answers, and recovers by itself
 * (connection, channels, consumers) when the broker goes away later.
 */
public final class BrokerConnection implements AutoCloseable {

    /** The AMQP heartbeat interval asked for unless the URI gives one: the broker closes after two missed ones. */
    public static final int DEFAULT_HEARTBEAT_SECONDS = 15;

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final Connection connection;

    private BrokerConnection(Connection connection) {
        this.connection = connection;
    }

    /**
     * Connects to {@code uri}, retrying until it succeeds; with several addresses, to any node that answers (in a
     * random order), and automatic recovery later moves to another node when this one goes away.
     *
     * @param uri              e.g. {@code amqp://guest:guest@127.0.0.1:5672}, or several addresses as
     *                         {@code amqp://guest:guest@10.0.0.1:5672,10.0.0.2:5672/vhost} ({@link BrokerUri})
     * @param name             shown in the broker's connection list
     * @param consumerExecutor runs consumer callbacks; null for the client's default
     * @throws IllegalArgumentException when the URI itself is malformed (retrying would not help)
     * @throws InterruptedException     when interrupted while waiting to retry
     */
    public static BrokerConnection open(String uri, String name, ExecutorService consumerExecutor)
            throws InterruptedException {
        BrokerUri nodes = BrokerUri.parse(uri);
        ConnectionFactory factory = factory(nodes);
        long backoff = FIRST_BACKOFF.toMillis();
        while (true) {
            try {
                Connection connection = factory.newConnection(consumerExecutor, nodes.addresses(), name);
                log.info("Connected to RabbitMQ at {} as '{}'", address(connection), name);
                logRecoveries(connection, name);
                return new BrokerConnection(connection);
            } catch (IOException | TimeoutException e) {
                log.warn("RabbitMQ at {} (vhost '{}') is not reachable ({}); retrying in {} ms",
                        nodes.describeAddresses(), factory.getVirtualHost(), reason(e), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private static void logRecoveries(Connection connection, String name) {
        if (connection instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    log.info("Connection '{}' recovered: connected to RabbitMQ at {}", name, address(connection));
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                }
            });
        }
    }

    /** The most telling message of {@code e} or its causes, on one line. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return CloudEventAmqpCodec.oneLine(cause.getMessage());
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The host and port {@code connection} is connected to right now, e.g. {@code 127.0.0.1:5672}. */
    private static String address(Connection connection) {
        return connection.getAddress().getHostAddress() + ":" + connection.getPort();
    }

    /**
     * A connection factory for {@code uri} with automatic recovery on, set to the first of its addresses (connect
     * with {@link BrokerUri#addresses()} to use them all), asking for AMQP heartbeats every
     * {@value #DEFAULT_HEARTBEAT_SECONDS} s unless the URI says otherwise ({@code ?heartbeat=60}; 0 turns them off).
     *
     * @throws IllegalArgumentException when the URI is malformed, with a one-line reason
     */
    public static ConnectionFactory factory(String uri) {
        return factory(BrokerUri.parse(uri));
    }

    private static ConnectionFactory factory(BrokerUri uri) {
        ConnectionFactory factory = new ConnectionFactory();
        uri.configure(factory);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        if (!uri.nodeUri().matches(".*[?&]heartbeat=.*")) {
            factory.setRequestedHeartbeat(DEFAULT_HEARTBEAT_SECONDS);
        }
        factory.setConnectionTimeout(5000);
        return factory;
    }

    /** {@code uri} with any password replaced by {@code ***}, for logs and error messages. */
    public static String redact(String uri) {
        return uri == null ? null : uri.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
    }

    /** A new channel on this connection. */
    public Channel openChannel() throws IOException {
        Channel channel = connection.createChannel();
        if (channel == null) {
            throw new IOException("RabbitMQ refused a new channel: the channel limit is reached");
        }
        return channel;
    }

    /** Whether the connection is up right now (false while it is recovering). */
    public boolean isOpen() {
        return connection.isOpen();
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            if (connection.isOpen()) {
                connection.close(5000);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the RabbitMQ connection failed", e);
        }
    }
}
