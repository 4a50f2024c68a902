package io.scatter.engine.local;

import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.dispatch.JobDispatcher;
import io.scatter.engine.memory.InMemoryJobStore;
import io.scatter.engine.memory.InMemoryTaskTransport;
import io.scatter.engine.result.Aggregation;
import io.scatter.engine.result.DeadTaskSweeper;
import io.scatter.engine.result.ResultAggregator;
import io.scatter.engine.result.ResultInbox;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.store.TaskStatus;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;
import io.scatter.engine.worker.RetryBackoff;
import io.scatter.engine.worker.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Local mode: runs a job on in-process workers over the in-memory transport and store, through the same dispatcher,
 * worker loop and exactly-once result inbox as a cluster. One run at a time.
 *
 * <pre>{@code
 * try (LocalRunner runner = new LocalRunner(JobTypes.load(), 4)) {
 *     LocalRun run = runner.run("prime-count", Map.of("from", 0, "to", 1_000_000), Map.of(), ProgressListener.NONE);
 *     run.job().result();   // {count=78498}
 * }
 * }</pre>
 */
public final class LocalRunner implements AutoCloseable {

    private static final System.Logger log = System.getLogger(LocalRunner.class.getName());
    private static final Duration POLL = Duration.ofMillis(100);
    /** Shorter than a worker's: in one process, nothing but time can cure a failure, and someone waits at a prompt. */
    private static final RetryBackoff RETRY_BACKOFF = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    private final TaskTransport transport;
    private final JobStore store;
    private final JobDispatcher dispatcher;
    private final ResultInbox inbox;
    private final DeadTaskSweeper sweeper;
    private final List<TaskRunner> workers;
    private final Set<String> workerNames;
    private Subscription results;
    private boolean started;
    private boolean closed;
    private volatile RunTracker current;

    public LocalRunner(JobTypes types, int workers) {
        this(types, workers, new InMemoryTaskTransport(), new InMemoryJobStore(), Clock.systemUTC());
    }

    /** A runner over the given adapters; closing it closes the transport (the store has nothing to close). */
    LocalRunner(JobTypes types, int workers, TaskTransport transport, JobStore store, Clock clock) {
        if (workers < 1) {
            throw new IllegalArgumentException("a local run needs at least 1 worker, not " + workers);
        }
        Objects.requireNonNull(types, "types");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.store = Objects.requireNonNull(store, "store");
        this.dispatcher = new JobDispatcher(types, store, transport, clock, () -> new Capacity(workers));
        this.inbox = new ResultInbox(transport, new ResultAggregator(store), this::applied);
        this.sweeper = new DeadTaskSweeper(transport, clock);
        List<TaskRunner> runners = new ArrayList<>(workers);
        for (int i = 1; i <= workers; i++) {
            runners.add(new TaskRunner(transport, types, "local-" + i, 1, clock, RETRY_BACKOFF));
        }
        this.workers = List.copyOf(runners);
        this.workerNames = runners.stream().map(TaskRunner::workerName).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Validates, splits, runs the job on in-process workers over the in-memory transport and store, and returns when it
     * ended. Throws UnknownJobTypeException / InvalidInputException (from core) before anything runs when the input is
     * bad. If the calling thread is interrupted while waiting, the job is cancelled and the exception passed on.
     */
    public LocalRun run(String type, Map<String, Object> input, Map<String, Object> options, ProgressListener listener)
            throws InterruptedException {
        Objects.requireNonNull(listener, "listener");
        NewJob job = dispatcher.prepare(type, input, options);
        RunTracker tracker = begin(job.id(), listener);
        try {
            long startedAt = System.nanoTime();
            tracker.accept(() -> submit(job));
            StoredJob ended = awaitEnd(tracker);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
            tracker.finished(ended);
            return new LocalRun(JobSnapshots.of(ended), workersUsed(job.id()), elapsed);
        } catch (InterruptedException e) {
            cancel(tracker);
            throw e;
        } finally {
            current = null;
        }
    }

    /** Cancels the running job, if any (e.g. on Ctrl-C); run() then returns with status CANCELLED. */
    public void cancel() {
        RunTracker tracker = current;
        if (tracker != null) {
            cancel(tracker);
        }
    }

    /** Cancels the running job, if any, and stops the worker threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        cancel();
        workers.forEach(TaskRunner::close);
        if (results != null) {
            results.close();
        }
        transport.close();
    }

    private synchronized RunTracker begin(UUID jobId, ProgressListener listener) {
        if (closed) {
            throw new IllegalStateException("this local runner is closed");
        }
        if (current != null) {
            throw new IllegalStateException("a local runner runs one job at a time; job " + current.jobId()
                    + " is still running");
        }
        startWorkers();
        current = new RunTracker(jobId, listener);
        return current;
    }

    private void startWorkers() {
        if (started) {
            return;
        }
        try {
            results = inbox.start();
            for (TaskRunner worker : workers) {
                worker.start();
            }
        } catch (TransportException e) {
            throw new IllegalStateException("could not start the local workers: " + e.getMessage(), e);
        }
        started = true;
    }

    private StoredJob submit(NewJob job) {
        try {
            return dispatcher.submit(job);
        } catch (TransportException e) {
            throw new IllegalStateException("could not send the tasks of job " + job.id() + ": " + e.getMessage(), e);
        }
    }

    private StoredJob awaitEnd(RunTracker tracker) throws InterruptedException {
        while (true) {
            StoredJob job = store.find(tracker.jobId()).orElseThrow();
            if (job.status().isFinal()) {
                return job;
            }
            if (tracker.cancelRequested()) {
                cancelStored(tracker.jobId());
            } else {
                sweepDeadTasks();
                tracker.await(POLL);
            }
        }
    }

    private void cancel(RunTracker tracker) {
        tracker.requestCancel();
        cancelStored(tracker.jobId());
    }

    private void cancelStored(UUID jobId) {
        try {
            dispatcher.cancel(jobId);
        } catch (TransportException e) {
            log.log(System.Logger.Level.WARNING, "Job {0} is cancelled, but the workers could not be told: {1}",
                    jobId, e.getMessage());
        }
    }

    private void sweepDeadTasks() {
        try {
            sweeper.sweep();
        } catch (TransportException e) {
            throw new IllegalStateException("could not read the dead-lettered tasks: " + e.getMessage(), e);
        }
    }

    private void applied(Aggregation aggregation) {
        RunTracker tracker = current;
        if (tracker != null) {
            tracker.applied(aggregation);
        }
    }

    private int workersUsed(UUID jobId) {
        List<StoredTask> tasks = store.inTransaction(transaction -> transaction.tasks(jobId));
        return (int) tasks.stream()
                .filter(task -> task.status() == TaskStatus.SUCCEEDED || task.status() == TaskStatus.FAILED)
                .map(StoredTask::worker)
                .filter(workerNames::contains)
                .distinct()
                .count();
    }
}
