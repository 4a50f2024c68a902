package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.InvalidTaskException;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.TaskFailedException;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker loop, on any {@link TaskTransport}: takes task deliveries, computes each with its {@link JobType},
 * publishes the result (succeeded, or failed by a {@link TaskFailedException}) under a new message id and acks the
 * task only once the result is safe (the computing thread does not wait for that: it takes its next task). Any other
 * failure, or outrunning the type's {@link JobType#taskDeadline()}, may be cured by another
 * attempt: after a {@link RetryBackoff} the task goes back to the queue, counted, and after its last attempt is
 * dead-lettered with the failure and this worker's name. A task of an unknown type, or with a payload its type
 * rejects as invalid, is dead-lettered at once; a task
 * of a cancelled job is acked without computing, and a cancellation interrupts the job's running computations. A task
 * whose earlier deliveries ended unsettled (its worker died holding it) runs {@linkplain Isolation alone}. It counts
 * what it did ({@link #tasksDone()}, {@link #tasksFailed()}) and tells which tasks it holds ({@link #inFlight()}), for
 * heartbeats.
 *
 * <pre>{@code
 * try (TaskRunner worker = new TaskRunner(transport, JobTypes.load(), "local-1", 4, Clock.systemUTC())) {
 *     worker.start();
 *     ...
 * }
 * }</pre>
 */
public final class TaskRunner implements AutoCloseable {

    private static final System.Logger log = System.getLogger(TaskRunner.class.getName());

    private final TaskTransport transport;
    private final JobTypes types;
    private final String workerName;
    private final int concurrency;
    private final int prefetch;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final Computations computations;
    private final TaskObserver observer;
    private final Isolation isolation = new Isolation();
    private final CancelledJobs cancelledJobs = new CancelledJobs(CancelledJobs.DEFAULT_CAPACITY);
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong tasksFailed = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong tasksRetried = new AtomicLong();
    private Subscription cancellations;
    private volatile Subscription tasks;

    public TaskRunner(TaskTransport transport, JobTypes types, String workerName, int concurrency, Clock clock) {
        this(transport, types, workerName, concurrency, clock, RetryBackoff.DEFAULT);
    }

    public TaskRunner(TaskTransport transport, JobTypes types, String workerName, int concurrency, Clock clock,
                      RetryBackoff backoff) {
        this(transport, types, workerName, concurrency, concurrency, clock, backoff);
    }

    /**
     * A runner that computes {@code concurrency} tasks at a time and holds up to {@code prefetch} (at least
     * {@code concurrency}): the others wait here for a free thread, or for their result's confirm.
     */
    public TaskRunner(TaskTransport transport, JobTypes types, String workerName, int concurrency, int prefetch,
                      Clock clock, RetryBackoff backoff) {
        this(transport, types, workerName, concurrency, prefetch, clock, backoff, TaskObserver.NONE);
    }

    /** As the runner above, telling {@code observer} what becomes of each delivery (for traces, metrics and logs). */
    public TaskRunner(TaskTransport transport, JobTypes types, String workerName, int concurrency, int prefetch,
                      Clock clock, RetryBackoff backoff, TaskObserver observer) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        if (prefetch < concurrency) {
            throw new IllegalArgumentException("prefetch must be at least the concurrency " + concurrency + ", not "
                    + prefetch);
        }
        this.prefetch = prefetch;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.types = Objects.requireNonNull(types, "types");
        this.workerName = Objects.requireNonNull(workerName, "workerName");
        this.concurrency = concurrency;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.computations = new Computations(workerName, clock);
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Listens for cancellations, then starts consuming tasks, {@code concurrency} at a time, {@code prefetch} held. */
    public synchronized void start() throws TransportException {
        if (tasks != null) {
            throw new IllegalStateException("worker " + workerName + " is already started");
        }
        cancellations = transport.onCancel(jobId -> {
            cancelledJobs.add(jobId);
            computations.interrupt(jobId);
        });
        tasks = prefetch == concurrency ? transport.consumeTasks(concurrency, this::handle)
                : transport.consumeTasks(concurrency, prefetch, this::handle);
    }

    /** Whether a cancellation of {@code jobId} has reached this runner, so its tasks are skipped. */
    public boolean isCancelled(UUID jobId) {
        return cancelledJobs.contains(jobId);
    }

    public String workerName() {
        return workerName;
    }

    /**
     * A task this runner holds: taken from the transport, not yet settled.
     *
     * @param startedAt when the runner took it
     */
    public record InFlight(UUID jobId, int taskIndex, Instant startedAt) {
    }

    /** Tasks computed and published a result for (succeeded or failed) since this runner was made. */
    public long tasksDone() {
        return tasksDone.get();
    }

    /** How many of {@link #tasksDone()} were published as FAILED. */
    public long tasksFailed() {
        return tasksFailed.get();
    }

    /** Attempts that failed in a way a retry may cure and were put back (or, on their last attempt, dead-lettered). */
    public long tasksRetried() {
        return tasksRetried.get();
    }

    /** Computations abandoned at their deadline that still hold a thread, ignoring the interrupt. */
    public int abandonedComputations() {
        return computations.abandonedRunning();
    }

    /** The tasks this runner holds right now, oldest first. */
    public List<InFlight> inFlight() {
        return inFlight.values().stream()
                .sorted(Comparator.comparing(InFlight::startedAt).thenComparing(InFlight::jobId)
                        .thenComparingInt(InFlight::taskIndex))
                .toList();
    }

    /** Takes one delivery from start to settled; never throws. */
    public void handle(TaskDelivery delivery) {
        Long key = deliveries.incrementAndGet();
        TaskObserver.Observation observation = observer.taskReceived(delivery);
        observation.inContext(() -> {
            handle(delivery, key, observation);
            return null;
        });
    }

    private void handle(TaskDelivery delivery, Long key, TaskObserver.Observation observation) {
        try {
            if (delivery.returns() > 0) {
                handleAlone(delivery, key, observation);
            } else {
                handleShared(delivery, key, observation);
            }
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "Unexpected failure handling a task; returning it to the queue", e);
            observation.settled(TaskObserver.Settlement.RETURNED, null);
            try {
                delivery.requeue();
            } catch (RuntimeException again) {
                log.log(System.Logger.Level.WARNING, "Could not return the task to the queue", again);
            }
        } finally {
            inFlight.remove(key);
        }
    }

    /** Stops taking tasks (unsettled ones return to the queue) and stops listening for cancellations. */
    @Override
    public synchronized void close() {
        if (tasks != null) {
            tasks.close();
        }
        if (cancellations != null) {
            cancellations.close();
        }
        computations.close();
    }

    private void handleShared(TaskDelivery delivery, Long key, TaskObserver.Observation observation) {
        if (!isolation.enterShared()) {
            log.log(System.Logger.Level.DEBUG, "Deferring {0}: a task runs alone here", describe(delivery.task()));
            observation.settled(TaskObserver.Settlement.DEFERRED, null);
            delivery.defer();
            return;
        }
        try {
            process(delivery, key, observation);
        } finally {
            isolation.exitShared();
        }
    }

    /**
     * Runs a task whose earlier deliveries ended unsettled with nothing else computing on this worker: pauses the
     * subscription, waits for the running tasks, computes, resumes. A second such task meanwhile is deferred.
     */
    private void handleAlone(TaskDelivery delivery, Long key, TaskObserver.Observation observation) {
        if (!isolation.enterAlone()) {
            log.log(System.Logger.Level.DEBUG, "Deferring {0}: another task runs alone here",
                    describe(delivery.task()));
            observation.settled(TaskObserver.Settlement.DEFERRED, null);
            delivery.defer();
            return;
        }
        Subscription subscription = tasks;
        if (subscription != null) {
            subscription.pause();
        }
        try {
            isolation.awaitOthers();
            log.log(System.Logger.Level.INFO, "Computing {0} alone: {1} earlier deliveries of it ended unsettled "
                    + "(the worker holding it died, hung or lost its connection)", describe(delivery.task()),
                    delivery.returns());
            process(delivery, key, observation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observation.settled(TaskObserver.Settlement.RETURNED, null);
            delivery.requeue();
        } finally {
            isolation.exitAlone();
            if (subscription != null) {
                subscription.resume();
            }
        }
    }

    private void process(TaskDelivery delivery, Long key, TaskObserver.Observation observation) {
        inFlight.put(key, new InFlight(delivery.task().jobId(), delivery.task().taskIndex(), clock.instant()));
        TaskMessage task = delivery.task();
        if (cancelledJobs.contains(task.jobId())) {
            log.log(System.Logger.Level.DEBUG, "Skipping {0}: the job was cancelled", describe(task));
            observation.settled(TaskObserver.Settlement.SKIPPED, null);
            delivery.ack();
            return;
        }
        JobType type;
        try {
            type = types.get(task.jobType());
        } catch (UnknownJobTypeException e) {
            String reason = TaskFailures.oneLine(e.getMessage());
            log.log(System.Logger.Level.WARNING, "Dead-lettering {0}: {1}", describe(task), reason);
            observation.settled(TaskObserver.Settlement.DEAD_LETTERED, reason);
            delivery.reject(reason, workerName);
            return;
        }
        Computations.Ended ended = computations.compute(task, type, type.taskDeadline());
        observation.computed(task, ended.startedAt(), ended.endedAt(), ended.failure(), ended.timedOut());
        if (cancelledJobs.contains(task.jobId())) {
            log.log(System.Logger.Level.DEBUG, "Dropping {0}: the job was cancelled", describe(task));
            observation.settled(TaskObserver.Settlement.SKIPPED, null);
            delivery.ack();
            return;
        }
        if (ended.interrupted()) {
            log.log(System.Logger.Level.INFO, "Returning {0} to the queue: interrupted", describe(task));
            observation.settled(TaskObserver.Settlement.RETURNED, null);
            delivery.requeue();
            return;
        }
        if (ended.failure() instanceof InvalidTaskException invalid) {
            String reason = TaskFailures.oneLine("invalid " + task.jobType() + " task payload: "
                    + invalid.getMessage());
            log.log(System.Logger.Level.WARNING, "Dead-lettering {0}: {1}", describe(task), reason);
            observation.settled(TaskObserver.Settlement.DEAD_LETTERED, reason);
            delivery.reject(reason, workerName);
            return;
        }
        if (ended.timedOut() || TaskFailures.curable(ended.failure())) {
            retry(delivery, observation, ended.timedOut()
                    ? "outran its deadline of " + type.taskDeadline() + " on worker " + workerName
                    : TaskFailures.oneLine(ended.failure()));
            return;
        }
        TaskResultMessage result = ended.output() != null
                ? TaskResultMessage.succeeded(task, ended.output(), workerName, delivery.attempt(), ended.startedAt(),
                        ended.endedAt())
                : TaskResultMessage.failed(task, TaskFailures.oneLine(ended.failure()), workerName, delivery.attempt(),
                        ended.startedAt(), ended.endedAt());
        transport.publishResultAsync(UUID.randomUUID().toString(), result)
                .whenComplete((published, failure) -> observation.inContext(() -> {
                    settle(delivery, observation, result, failure);
                    return null;
                }));
    }

    /**
     * Acks a task once its result is safe, or returns it to the queue when the result may not be (it is computed
     * again; the API counts a result delivered twice once). Runs on whichever thread completed the publish.
     */
    private void settle(TaskDelivery delivery, TaskObserver.Observation observation, TaskResultMessage result,
                        Throwable failure) {
        try {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.log(System.Logger.Level.WARNING, "Could not publish the result of {0} ({1}); returning the task"
                        + " to the queue", describe(delivery.task()), cause.getMessage());
                observation.settled(TaskObserver.Settlement.RETURNED, null);
                delivery.requeue();
                return;
            }
            tasksDone.incrementAndGet();
            boolean failed = result.outcome() == TaskResultMessage.Outcome.FAILED;
            if (failed) {
                tasksFailed.incrementAndGet();
            }
            observation.settled(failed ? TaskObserver.Settlement.FAILED : TaskObserver.Settlement.SUCCEEDED,
                    result.error());
            delivery.ack();
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "Could not settle " + describe(delivery.task())
                    + "; it returns to the queue when this worker's channel closes", e);
        }
    }

    /**
     * Puts a failed attempt back after its backoff, or dead-letters it with {@code reason} when it was the last; the
     * backoff is waited holding the delivery, so the task is not lost if this worker dies meanwhile.
     */
    private void retry(TaskDelivery delivery, TaskObserver.Observation observation, String reason) {
        TaskMessage task = delivery.task();
        tasksRetried.incrementAndGet();
        if (delivery.attempt() >= delivery.maxAttempts()) {
            log.log(System.Logger.Level.WARNING, "Dead-lettering {0}: attempt {1} of {2} failed: {3}", describe(task),
                    delivery.attempt(), delivery.maxAttempts(), reason);
            observation.settled(TaskObserver.Settlement.DEAD_LETTERED, reason);
            delivery.retry(reason, workerName);
            return;
        }
        Duration delay = backoff.delayAfter(delivery.attempt(), ThreadLocalRandom.current());
        log.log(System.Logger.Level.WARNING, "Attempt {0} of {1} failed ({2}); putting it back in {3} ms",
                delivery.attempt(), describe(task), reason, delay.toMillis());
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cancelledJobs.contains(task.jobId())) {
            observation.settled(TaskObserver.Settlement.SKIPPED, null);
            delivery.ack();
            return;
        }
        observation.settled(TaskObserver.Settlement.RETRIED, reason);
        delivery.retry(reason, workerName);
    }

    private static String describe(TaskMessage task) {
        return "task " + (task.taskIndex() + 1) + "/" + task.taskCount() + " of " + TaskFailures.oneLine(task.jobType())
                + " job " + task.jobId();
    }
}
