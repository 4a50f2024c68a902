package io.scatter.worker;

import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.scatter.contracts.Channels;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.transport.TransportException;
import io.scatter.engine.worker.RetryBackoff;
import io.scatter.engine.worker.TaskObserver;
import io.scatter.engine.worker.TaskRunner;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import io.scatter.messaging.tracing.ProcessTracing;
import io.scatter.messaging.tracing.TracingTaskObserver;
import io.scatter.messaging.transport.RabbitTaskTransport;
import io.scatter.worker.log.TaskLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running worker: the engine's {@link TaskRunner} over {@link RabbitTaskTransport} on one connection, and its
 * {@link Heartbeat}. It stops gracefully: no new tasks, in-flight tasks get the shutdown grace to finish, publish and
 * acknowledge, and whatever is unsettled after it returns to the queue.
 */
public final class Worker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT_CONFIRM_TIMEOUT = Duration.ofSeconds(5);

    private final WorkerConfig config;
    private final JobTypes jobTypes;
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final TaskObserver observer;
    private volatile boolean stopping;
    private volatile BrokerConnection consuming;
    private volatile Thread starter;
    private boolean closed;
    private BrokerConnection connection;
    private WorkerTransport transport;
    private TaskRunner runner;
    private Heartbeat heartbeat;
    private ProcessTracing tracing;

    public Worker(WorkerConfig config, JobTypes jobTypes) {
        this(config, jobTypes, TaskObserver.NONE);
    }

    /** A worker whose task runner tells {@code observer} what becomes of each task (for metrics). */
    public Worker(WorkerConfig config, JobTypes jobTypes, TaskObserver observer) {
        this.config = config;
        this.jobTypes = jobTypes;
        this.observer = observer;
    }

    /**
     * Connects (retrying until the broker answers), declares the topology and starts consuming; returns once the
     * worker is ready. Returns early, without starting, if {@link #close()} is called meanwhile.
     *
     * @throws TransportException when the topology cannot be declared or consuming cannot start
     */
    public void start() throws TransportException, InterruptedException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("worker " + config.name() + " was started already");
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            starter = Thread.currentThread();
        }
        BrokerConnection opened;
        try {
            opened = BrokerConnection.open(config.rabbitmqUri(), "scatter-worker " + config.name(), null);
        } finally {
            starter = null;
        }
        synchronized (this) {
            if (closed) {
                opened.close();
                return;
            }
            connection = opened;
            logRecoveries(connection);
            try {
                tracing = ProcessTracing.start("scatter-worker", config.name(), System.getenv());
                RabbitTaskTransport rabbit = RabbitTaskTransport.over(connection,
                        new RabbitTaskTransport.Options(CONFIRM_TIMEOUT, config.grace()));
                rabbit.onConsumerLost(this::consumerLost);
                rabbit.admitTasks(config.admission());
                log.info("Reading task messages up to {} bytes; {}", config.admission().maxBodyBytes(),
                        config.admission().signing().enabled()
                                ? "verifying their signatures (" + config.admission().signing() + ")"
                                : "their signatures are not checked (no signing key)");
                rabbit.traceWith(tracing.tracing());
                transport = new WorkerTransport(rabbit);
                Clock clock = Clock.systemUTC();
                Instant startedAt = clock.instant();
                TaskObserver traces = tracing.tracing().enabled()
                        ? new TracingTaskObserver(tracing.tracing(), config.name()) : TaskObserver.NONE;
                runner = new TaskRunner(transport, jobTypes, config.name(), config.concurrency(), config.prefetch(),
                        clock, RetryBackoff.DEFAULT,
                        TaskObserver.all(List.of(traces, new TaskLogContext(config.name()), observer)));
                runner.start();
                heartbeat = new Heartbeat(new HeartbeatPublisher(connection, HEARTBEAT_CONFIRM_TIMEOUT), runner,
                        new Heartbeat.Identity(config.name(), WorkerOptions.hostName(), ProcessHandle.current().pid(),
                                startedAt), config.concurrency(), config.heartbeat(), clock);
                heartbeat.start();
            } catch (TransportException | RuntimeException e) {
                closed = true;
                stop();
                throw e;
            }
            consuming = connection;
            log.info("Job types: {}", jobTypes.names().isEmpty() ? "none" : String.join(", ", jobTypes.names()));
            log.info("worker {} consuming {} with concurrency {} (holding up to {} tasks)", config.name(),
                    Channels.TASKS_QUEUE, config.concurrency(), config.prefetch());
        }
    }

    /** Blocks until the worker has stopped, or the broker ended its consumer for good (see {@link #lost()}). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Whether the broker ended the worker's consumer for good, so the process should exit and be restarted. */
    public boolean lost() {
        return lost.get();
    }

    private void consumerLost(String queue) {
        if (lost.compareAndSet(false, true)) {
            log.error("Worker {} no longer consumes {}: exiting so that it can be restarted", config.name(), queue);
            terminated.countDown();
        }
    }

    /** Why the process should be restarted (it is stopping), or empty while it runs: for a liveness probe. */
    Optional<String> notLive() {
        return stopping ? Optional.of("the worker is stopping") : Optional.empty();
    }

    /**
     * Why the worker takes no tasks right now, or empty while it is connected to the broker and consuming them: for a
     * readiness probe.
     */
    Optional<String> notReady() {
        if (stopping) {
            return Optional.of("the worker is stopping");
        }
        if (lost.get()) {
            return Optional.of("the broker ended the worker's consumer of " + Channels.TASKS_QUEUE);
        }
        BrokerConnection current = consuming;
        if (current == null) {
            return Optional.of("connecting to the broker");
        }
        if (!current.isOpen()) {
            return Optional.of("reconnecting to the broker");
        }
        return Optional.empty();
    }

    /** Whether a task of {@code jobId} would be skipped as cancelled. */
    boolean isCancelled(UUID jobId) {
        TaskRunner current;
        synchronized (this) {
            current = runner;
        }
        return current != null && current.isCancelled(jobId);
    }

    /**
     * Stops: no new tasks, in-flight tasks get the configured grace to finish, publish and acknowledge; those still
     * running after it are abandoned (interrupted, publishing nothing) and returned to the queue; then the connection
     * closes. Idempotent.
     */
    @Override
    public void close() {
        stopping = true;
        closeOnce();
    }

    private synchronized void closeOnce() {
        if (closed) {
            return;
        }
        closed = true;
        Thread starting = starter;
        if (connection == null) {
            if (starting != null) {
                starting.interrupt();
            }
            terminated.countDown();
            return;
        }
        log.info("Worker {} stopping: no new tasks; in-flight tasks have up to {} s, the rest return to the queue",
                config.name(), config.grace().toSeconds());
        stop();
        log.info("Worker {} stopped", config.name());
    }

    private void stop() {
        if (heartbeat != null) {
            heartbeat.stopping();
        }
        if (transport != null) {
            transport.stopping(config.grace());
        }
        if (runner != null) {
            runner.close();
        }
        if (transport != null) {
            transport.close();
        }
        if (heartbeat != null) {
            heartbeat.close();
        }
        connection.close();
        if (tracing != null) {
            tracing.close();
        }
        terminated.countDown();
    }

    private static void logRecoveries(BrokerConnection connection) {
        if (connection.connection() instanceof Recoverable recoverable) {
            recoverable.addRecoveryListener(new RecoveryListener() {
                @Override
                public void handleRecovery(Recoverable recovered) {
                    log.info("Reconnected to RabbitMQ; consuming {} again", Channels.TASKS_QUEUE);
                }

                @Override
                public void handleRecoveryStarted(Recoverable recovering) {
                    log.info("Reconnecting to RabbitMQ");
                }
            });
        }
    }
}
