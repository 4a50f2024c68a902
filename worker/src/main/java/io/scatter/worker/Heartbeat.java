package io.scatter.worker;

import io.scatter.contracts.WorkerHeartbeatMessage;
import io.scatter.contracts.WorkerHeartbeatMessage.InFlightTask;
import io.scatter.contracts.WorkerHeartbeatMessage.State;
import io.scatter.engine.worker.TaskRunner;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.heartbeat.HeartbeatPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The worker's heartbeat, owned by {@link Worker}: every interval, on a thread of its own, it publishes what the
 * {@link TaskRunner} has done and holds, says STOPPING once the worker stops (a last time as it closes), and logs a
 * heartbeat it cannot publish (the broker is down) once per outage, never failing the worker.
 */
final class Heartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /**
     * Who is beating.
     *
     * @param worker    the worker's name
     * @param host      the machine's host name
     * @param pid       the process id
     * @param startedAt when the worker started
     */
    record Identity(String worker, String host, long pid, Instant startedAt) {
    }

    private final HeartbeatPublisher publisher;
    private final TaskRunner runner;
    private final Identity identity;
    private final int concurrency;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile State state = State.RUNNING;
    /** Whether the last heartbeat failed; guarded by {@code this}. */
    private boolean failing;
    /** Whether the last heartbeat went out; guarded by {@code this}. */
    private boolean closed;

    Heartbeat(HeartbeatPublisher publisher, TaskRunner runner, Identity identity, int concurrency, Duration interval,
              Clock clock) {
        this.publisher = publisher;
        this.runner = runner;
        this.identity = identity;
        this.concurrency = concurrency;
        this.interval = interval;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scatter-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Sends the first heartbeat now and one every interval after it. */
    void start() {
        scheduler.scheduleAtFixedRate(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** From now on the heartbeats say STOPPING; one goes out at once. */
    void stopping() {
        state = State.STOPPING;
        beat();
    }

    /** Stops beating and sends a last STOPPING heartbeat with the final counts. Idempotent. */
    @Override
    public void close() {
        state = State.STOPPING;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            beat();
            closed = true;
        }
        publisher.close();
    }

    /** The heartbeat as of now. */
    WorkerHeartbeatMessage current() {
        long failed = runner.tasksFailed();
        long done = runner.tasksDone(); // read after failed, which is counted after done: failed <= done
        List<InFlightTask> inFlight = runner.inFlight().stream()
                .map(task -> new InFlightTask(task.jobId(), task.taskIndex(), millis(task.startedAt())))
                .toList();
        return new WorkerHeartbeatMessage(identity.worker(), identity.host(), identity.pid(), concurrency, done,
                failed, inFlight, millis(identity.startedAt()), millis(clock.instant()), state);
    }

    /** Publishes one heartbeat; never throws (that would end the schedule). */
    private synchronized void beat() {
        if (closed) {
            return;
        }
        try {
            publisher.publish(current());
            if (failing) {
                failing = false;
                log.info("Heartbeats of worker {} get through again", identity.worker());
            }
        } catch (PublishFailedException | RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("Heartbeats of worker {} do not get through ({}); trying again with every heartbeat",
                        identity.worker(), e.getMessage());
            } else {
                log.debug("Heartbeat of worker {} not published: {}", identity.worker(), e.getMessage());
            }
        }
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
