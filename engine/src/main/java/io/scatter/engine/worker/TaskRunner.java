package io.scatter.engine.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.TaskFailedException;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker loop, on any {@link TaskTransport}: takes task deliveries, computes each with its {@link JobType},
 * publishes the result (succeeded or failed) under a new message id and only then acks the task. A task of an unknown
 * type is rejected (dead-lettered, with the exception's message as the reason and this worker's name); a task of a
 * cancelled job is acked without computing. It counts what it did ({@link #tasksDone()}, {@link #tasksFailed()}) and
 * tells which tasks it holds ({@link #inFlight()}), for heartbeats.
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
    private static final int MAX_ERROR_LENGTH = 1000;

    private final TaskTransport transport;
    private final JobTypes types;
    private final String workerName;
    private final int concurrency;
    private final Clock clock;
    private final CancelledJobs cancelledJobs = new CancelledJobs(CancelledJobs.DEFAULT_CAPACITY);
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong tasksFailed = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private Subscription cancellations;
    private Subscription tasks;

    public TaskRunner(TaskTransport transport, JobTypes types, String workerName, int concurrency, Clock clock) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
        }
        this.transport = Objects.requireNonNull(transport, "transport");
        this.types = Objects.requireNonNull(types, "types");
        this.workerName = Objects.requireNonNull(workerName, "workerName");
        this.concurrency = concurrency;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Listens for cancellations, then starts consuming tasks, {@code concurrency} at a time. */
    public synchronized void start() throws TransportException {
        if (tasks != null) {
            throw new IllegalStateException("worker " + workerName + " is already started");
        }
        cancellations = transport.onCancel(cancelledJobs::add);
        tasks = transport.consumeTasks(concurrency, this::handle);
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
        try {
            TaskMessage task = delivery.task();
            inFlight.put(key, new InFlight(task.jobId(), task.taskIndex(), clock.instant()));
            process(delivery);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "Unexpected failure handling a task; returning it to the queue", e);
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
    }

    private void process(TaskDelivery delivery) {
        TaskMessage task = delivery.task();
        if (cancelledJobs.contains(task.jobId())) {
            log.log(System.Logger.Level.DEBUG, "Skipping {0}: the job was cancelled", describe(task));
            delivery.ack();
            return;
        }
        JobType type;
        try {
            type = types.get(task.jobType());
        } catch (UnknownJobTypeException e) {
            log.log(System.Logger.Level.WARNING, "Dead-lettering {0}: {1}", describe(task), e.getMessage());
            delivery.reject(e.getMessage(), workerName);
            return;
        }
        TaskResultMessage result = compute(task, type, delivery.attempt());
        if (cancelledJobs.contains(task.jobId())) {
            delivery.ack();
            return;
        }
        try {
            transport.publishResult(UUID.randomUUID().toString(), result);
        } catch (TransportException e) {
            log.log(System.Logger.Level.WARNING, "Could not publish the result of {0} ({1}); returning the task to"
                    + " the queue", describe(task), e.getMessage());
            delivery.requeue();
            return;
        }
        tasksDone.incrementAndGet();
        if (result.outcome() == TaskResultMessage.Outcome.FAILED) {
            tasksFailed.incrementAndGet();
        }
        delivery.ack();
    }

    private TaskResultMessage compute(TaskMessage task, JobType type, int attempt) {
        Instant startedAt = clock.instant();
        try {
            Map<String, Object> output = type.compute(task.payload());
            return TaskResultMessage.succeeded(task, output, workerName, attempt, startedAt, clock.instant());
        } catch (Exception | StackOverflowError e) {
            return TaskResultMessage.failed(task, oneLine(e), workerName, attempt, startedAt, clock.instant());
        }
    }

    /**
     * The failure on one line: a {@link TaskFailedException}'s message as it is, e.g. {@code division by zero};
     * anything else with its simple class name, e.g. {@code ArithmeticException: / by zero}.
     */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ").trim();
        String type = failure.getClass().getSimpleName().isEmpty()
                ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        String line = message.isEmpty() ? type
                : failure instanceof TaskFailedException ? message
                : type + ": " + message;
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH - 1) + "…" : line;
    }

    private static String describe(TaskMessage task) {
        return "task " + (task.taskIndex() + 1) + "/" + task.taskCount() + " of " + task.jobType() + " job "
                + task.jobId();
    }
}
