package io.scatter.worker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.scatter.contracts.Channels;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running worker: one connection, a task consumer feeding a fixed pool of compute threads, and a control listener;
 * stops gracefully by letting in-flight tasks finish within a grace and handing the rest back to the broker.
 */
public final class Worker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEUE_PAUSE = Duration.ofSeconds(1);

    private final WorkerConfig config;
    private final JobTypes jobTypes;
    private final CancelledJobs cancelledJobs = new CancelledJobs(CancelledJobs.DEFAULT_CAPACITY);
    private final CountDownLatch terminated = new CountDownLatch(1);
    private final ExecutorService dispatch = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "amqp-dispatch");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile Thread starter;
    private volatile String failure;
    private boolean closed;
    private BrokerConnection connection;
    private ComputePool pool;
    private TaskConsumer tasks;
    private ControlListener control;

    public Worker(WorkerConfig config, JobTypes jobTypes) {
        this.config = config;
        this.jobTypes = jobTypes;
    }

    /**
     * Connects (retrying until the broker answers), declares the topology and starts consuming; returns once the
     * worker is ready. Returns early, without starting, if {@link #close()} is called meanwhile.
     */
    public void start() throws IOException, InterruptedException {
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
            opened = BrokerConnection.open(config.rabbitmqUri(), "scatter-worker " + config.name(), dispatch);
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
            Channel taskChannel = connection.openChannel();
            Topology.declare(taskChannel);
            control = new ControlListener(connection.openChannel(), cancelledJobs);
            control.start();
            pool = new ComputePool(config.concurrency());
            ResultPublisher publisher = new ResultPublisher(connection, config.name(), CONFIRM_TIMEOUT);
            TaskHandler handler = new TaskHandler(jobTypes, cancelledJobs, publisher, pool, config.name(),
                    Clock.systemUTC(), REQUEUE_PAUSE);
            tasks = new TaskConsumer(taskChannel, pool, handler, this::fail);
            tasks.start(config.concurrency());
            log.info("Job types: {}", jobTypes.names().isEmpty() ? "none" : String.join(", ", jobTypes.names()));
            log.info("worker {} consuming {} with concurrency {}", config.name(), Channels.TASKS_QUEUE,
                    config.concurrency());
        }
    }

    /** Blocks until the worker has stopped, by {@link #close()} or because it lost its task channel for good. */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Why the worker stopped by itself, or null while it runs or when it was closed. */
    public String failure() {
        return failure;
    }

    /** Whether a task of {@code jobId} would be skipped as cancelled. */
    boolean isCancelled(UUID jobId) {
        return cancelledJobs.contains(jobId);
    }

    /**
     * Stops: no new tasks, in-flight tasks get the configured grace to finish, publish and acknowledge; those still
     * running after it are abandoned and returned to the queue; then the connection closes. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Thread starting = starter;
        if (connection == null) {
            if (starting != null) {
                starting.interrupt();
            }
            finish();
            return;
        }
        log.info("Worker {} stopping: no new tasks", config.name());
        if (tasks != null) {
            tasks.stop();
        }
        if (pool != null) {
            drainPool();
        }
        if (tasks != null) {
            log.info("Closing the task channel; unacknowledged tasks return to the queue");
            tasks.close();
        }
        if (control != null) {
            control.close();
        }
        log.info("Closing the connection to RabbitMQ");
        connection.close();
        finish();
        log.info("Worker {} stopped", config.name());
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

    private void drainPool() {
        int busy = pool.busy();
        log.info("Waiting up to {} s for {} in-flight task(s)", config.grace().toSeconds(), busy);
        try {
            if (pool.drain(config.grace())) {
                log.info("All in-flight tasks finished");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("Abandoning {} task(s) still running after the grace; the broker redelivers them", pool.busy());
        pool.abandon();
    }

    private void fail(String reason) {
        failure = reason;
        Thread stopper = new Thread(this::close, "worker-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private void finish() {
        dispatch.shutdown();
        try {
            dispatch.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        terminated.countDown();
    }
}
