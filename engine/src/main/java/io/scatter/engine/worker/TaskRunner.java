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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The worker loop, on any {@link TaskTransport}: takes task deliveries, computes each with its {@link JobType},
 * publishes the result (succeeded or failed) under a new message id and only then acks the task. A task of an unknown
 * type is rejected (dead-lettered); a task of a cancelled job is acked without computing.
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

    /** Takes one delivery from start to settled; never throws. */
    public void handle(TaskDelivery delivery) {
        try {
            process(delivery);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.ERROR, "Unexpected failure handling a task; returning it to the queue", e);
            try {
                delivery.requeue();
            } catch (RuntimeException again) {
                log.log(System.Logger.Level.WARNING, "Could not return the task to the queue", again);
            }
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
            delivery.reject(e.getMessage());
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
