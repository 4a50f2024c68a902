package io.scatter.head;

import io.scatter.api.ScatterApiApplication;
import io.scatter.api.auth.ApiKeyFile;
import io.scatter.api.auth.AuthMode;
import io.scatter.broker.BrokerStartException;
import io.scatter.broker.EmbeddedBroker;
import io.scatter.broker.Failures;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.transport.TransportException;
import io.scatter.messaging.HeadNodeAddress;
import io.scatter.messaging.LogFormat;
import io.scatter.worker.Worker;
import io.scatter.worker.WorkerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.sql.DataSource;

/**
 * A running head node: PostgreSQL, then the AMQP broker, then the API on both, then a local worker, started in that
 * order and stopped in the reverse one.
 */
final class HeadNode implements AutoCloseable {

    static final String LOGGING_CONFIG = "classpath:scatter-head-logback.xml";
    /** The same loggers writing one JSON object a line. */
    static final String JSON_LOGGING_CONFIG = "classpath:scatter-head-logback-json.xml";

    private static final Logger log = LoggerFactory.getLogger(HeadNode.class);
    private static final Duration WORKER_GRACE = Duration.ofSeconds(30);

    private final HeadConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private EmbeddedDatabase database;
    private EmbeddedBroker broker;
    private ConfigurableApplicationContext api;
    private Worker worker;
    private int httpPort;
    private boolean closed;

    HeadNode(HeadConfig config) {
        this.config = config;
    }

    /**
     * Starts every part and returns once the API answers and the local worker consumes.
     *
     * @throws HeadNodeStartException naming the part that did not start and why; what had started is stopped
     */
    void start() throws HeadNodeStartException, InterruptedException {
        try {
            startParts();
        } catch (HeadNodeStartException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startParts() throws HeadNodeStartException, InterruptedException {
        // the database and the broker do not need each other: they start side by side
        FutureTask<EmbeddedBroker> brokerStart = new FutureTask<>(this::startBroker);
        Thread brokerStarter = new Thread(brokerStart, "broker-start");
        brokerStarter.start();
        EmbeddedDatabase startedDatabase;
        try {
            startedDatabase = EmbeddedDatabase.start(config.databaseDirectory());
        } catch (IOException | RuntimeException e) {
            closeWhenStarted(brokerStart);
            throw new HeadNodeStartException("PostgreSQL did not start in " + config.databaseDirectory() + ": "
                    + Failures.deepestReason(e), e);
        }
        if (!register(() -> database = startedDatabase)) {
            startedDatabase.close();
            closeWhenStarted(brokerStart);
            return;
        }
        EmbeddedBroker startedBroker;
        try {
            startedBroker = brokerStart.get();
        } catch (ExecutionException e) {
            throw new HeadNodeStartException(Failures.deepestReason(e.getCause()), e.getCause());
        }
        if (!register(() -> broker = startedBroker)) {
            startedBroker.close();
            return;
        }
        ConfigurableApplicationContext context;
        try {
            SpringApplication application = new SpringApplication(ScatterApiApplication.class);
            application.setRegisterShutdownHook(false);
            context = application.run(apiArguments(startedDatabase, startedBroker).toArray(String[]::new));
        } catch (RuntimeException e) {
            throw new HeadNodeStartException("the API did not start: " + Failures.deepestReason(e), e);
        }
        if (!register(() -> api = context)) {
            context.close();
            return;
        }
        if (config.auth() == AuthMode.API_KEY) {
            try {
                if (ApiKeyFile.createIfAbsent(context.getBean(DataSource.class), config.apiKeyFile())) {
                    log.info("Created the API key 'serve' in {}", config.apiKeyFile());
                }
            } catch (IOException | SQLException e) {
                throw new HeadNodeStartException("the first API key could not be written to " + config.apiKeyFile()
                        + ": " + Failures.deepestReason(e), e);
            }
        }
        httpPort = Integer.parseInt(context.getEnvironment().getProperty("local.server.port",
                String.valueOf(config.httpPort())));
        if (config.workers() > 0) {
            Worker local = new Worker(new WorkerConfig(startedBroker.uri(), config.workers(), config.workerName(),
                    WORKER_GRACE), context.getBean(JobTypes.class));
            if (!register(() -> worker = local)) {
                return;
            }
            try {
                local.start();
            } catch (TransportException e) {
                throw new HeadNodeStartException("the local worker did not start: " + e.getMessage(), e);
            }
        }
    }

    private EmbeddedBroker startBroker() throws BrokerStartException {
        return EmbeddedBroker.start(new EmbeddedBroker.Config(config.brokerDirectory(), config.bind(),
                config.amqpPort(), config.brokerUser(), config.brokerPassword(), HeadNodeAddress.VIRTUAL_HOST,
                EmbeddedBroker.Store.DERBY));
    }

    /** Stops the broker once its start, which is under way, has finished, when the node will not use it. */
    private static void closeWhenStarted(FutureTask<EmbeddedBroker> brokerStart) throws InterruptedException {
        try {
            brokerStart.get().close();
        } catch (ExecutionException e) {
            log.debug("The broker did not start either: {}", e.getCause().getMessage());
        }
    }

    /** Keeps a started part unless the node was closed meanwhile (then the caller stops it); true if kept. */
    private synchronized boolean register(Runnable keep) {
        if (closed) {
            return false;
        }
        keep.run();
        return true;
    }

    /** The Spring arguments that point the API at the embedded database and broker. */
    private List<String> apiArguments(EmbeddedDatabase startedDatabase, EmbeddedBroker startedBroker) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + startedDatabase.jdbcUrl(),
                "--spring.datasource.username=" + EmbeddedDatabase.USER,
                "--spring.datasource.password=",
                "--scatter.rabbitmq.uri=" + startedBroker.uri(),
                "--server.port=" + config.httpPort(),
                "--server.address=" + config.bind(),
                "--scatter.auth.mode=" + config.auth().value(),
                "--logging.config=" + (config.logFormat() == LogFormat.JSON ? JSON_LOGGING_CONFIG : LOGGING_CONFIG)));
        config.oidc().forEach((property, value) -> arguments.add("--" + property + "=" + value));
        return arguments;
    }

    int httpPort() {
        return httpPort;
    }

    int amqpPort() {
        return broker.port();
    }

    /** Blocks until the node is closed. */
    void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /**
     * Stops the local worker (in-flight tasks get their grace, the rest return to the queue), the API (in-flight
     * requests finish), the broker and the database, in that order. Idempotent.
     */
    @Override
    public void close() {
        Worker stoppingWorker;
        ConfigurableApplicationContext stoppingApi;
        EmbeddedBroker stoppingBroker;
        EmbeddedDatabase stoppingDatabase;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stoppingWorker = worker;
            stoppingApi = api;
            stoppingBroker = broker;
            stoppingDatabase = database;
        }
        log.info("Head node stopping");
        if (stoppingWorker != null) {
            stoppingWorker.close();
        }
        if (stoppingApi != null) {
            try {
                stoppingApi.close();
            } catch (RuntimeException e) {
                log.warn("Stopping the API failed: {}", Failures.deepestReason(e));
            }
        }
        if (stoppingBroker != null) {
            stoppingBroker.close();
        }
        if (stoppingDatabase != null) {
            stoppingDatabase.close();
        }
        log.info("Head node stopped");
        stopped.countDown();
    }
}
