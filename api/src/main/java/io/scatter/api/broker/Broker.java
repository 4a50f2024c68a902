package io.scatter.api.broker;

import com.rabbitmq.client.Channel;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns the API's RabbitMQ connection: opens it on a background thread (retrying until the broker answers, so the API
 * serves requests meanwhile), declares the topology, starts the {@link BrokerListener}s, and closes it on shutdown.
 */
@Component
public class Broker implements SmartLifecycle {

    /** Stops after the components that publish through it (which use the default phase). */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    private static final Duration STEP_RETRY = Duration.ofSeconds(5);
    /**
     * Threads delivering to the listeners' consumers. The result and dead-letter consumers each hold one while the
     * database is unavailable (they retry in place), so there are more than those two, for the others.
     */
    private static final int CONSUMER_THREADS = 4;

    private final BrokerProperties properties;
    private final List<BrokerListener> listeners;
    private final AtomicReference<BrokerConnection> connection = new AtomicReference<>();
    private volatile boolean running;
    private Thread connector;
    private ExecutorService consumerThreads;

    Broker(BrokerProperties properties, List<BrokerListener> listeners) {
        this.properties = properties;
        this.listeners = listeners;
    }

    /** The connection while it is open; empty before it was made, while it recovers, and after shutdown. */
    public Optional<BrokerConnection> connection() {
        BrokerConnection current = connection.get();
        return current != null && current.isOpen() ? Optional.of(current) : Optional.empty();
    }

    @Override
    public synchronized void start() {
        consumerThreads = Executors.newFixedThreadPool(CONSUMER_THREADS, named("scatter-amqp-consumer-"));
        running = true;
        connector = new Thread(this::connect, "scatter-broker-connect");
        connector.setDaemon(true);
        connector.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        connector.interrupt();
        try {
            connector.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BrokerConnection open = connection.getAndSet(null);
        if (open != null) {
            listeners.forEach(BrokerListener::disconnecting);
            open.close();
        }
        consumerThreads.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void connect() {
        String uri = BrokerConnection.redact(properties.uri());
        BrokerConnection opened = null;
        try {
            log.info("Connecting to RabbitMQ at {}", uri);
            opened = BrokerConnection.open(properties.uri(), properties.connectionName(), consumerThreads);
            BrokerConnection ready = opened;
            retryUntilDone("declaring the RabbitMQ topology", () -> {
                try (Channel channel = ready.openChannel()) {
                    Topology.declare(channel);
                }
            });
            connection.set(opened);
            for (BrokerListener listener : listeners) {
                retryUntilDone("starting " + listener.getClass().getSimpleName(), () -> listener.connected(ready));
            }
        } catch (InterruptedException e) {
            log.debug("Stopped connecting to RabbitMQ at {}", uri);
            if (opened != null && connection.get() != opened) {
                opened.close();
            }
        } catch (RuntimeException e) {
            log.error("Cannot use RabbitMQ at {}; tasks stay in the outbox until a restart", uri, e);
        }
    }

    /** Runs {@code step} until it succeeds, pausing between attempts; gives up only when the API stops. */
    private void retryUntilDone(String step, Step action) throws InterruptedException {
        while (true) {
            if (!running) {
                throw new InterruptedException("stopping");
            }
            try {
                action.run();
                return;
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.error("{} failed ({}); retrying in {} s", step, e.getMessage(), STEP_RETRY.toSeconds());
                Thread.sleep(STEP_RETRY.toMillis());
            }
        }
    }

    /** One set-up step on the connection. */
    private interface Step {
        void run() throws IOException, TimeoutException;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
