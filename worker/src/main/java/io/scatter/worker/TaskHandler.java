package io.scatter.worker;

import io.cloudevents.CloudEvent;
import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.core.jobtype.UnknownJobTypeException;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.PublishFailedException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Takes one task delivery from message to settled: decodes it, skips or dead-letters what cannot be computed,
 * computes it, publishes the result with a confirm and only then acknowledges the task.
 */
final class TaskHandler {

    private static final Logger log = LoggerFactory.getLogger(TaskHandler.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JobTypes jobTypes;
    private final CancelledJobs cancelledJobs;
    private final ResultPublisher publisher;
    private final ComputePool pool;
    private final String workerName;
    private final Clock clock;
    private final Duration requeuePause;

    TaskHandler(JobTypes jobTypes, CancelledJobs cancelledJobs, ResultPublisher publisher, ComputePool pool,
                String workerName, Clock clock, Duration requeuePause) {
        this.jobTypes = jobTypes;
        this.cancelledJobs = cancelledJobs;
        this.publisher = publisher;
        this.pool = pool;
        this.workerName = workerName;
        this.clock = clock;
        this.requeuePause = requeuePause;
    }

    /** Handles {@code delivery} completely; never throws, and leaves no delivery unsettled unless abandoned. */
    void handle(TaskDelivery delivery) {
        try {
            process(delivery);
        } catch (Throwable unexpected) {
            log.error("Unexpected failure handling {}; returning it to the queue", delivery.label(), unexpected);
            delivery.requeue();
        }
    }

    private void process(TaskDelivery delivery) {
        if (pool.draining()) {
            log.info("Returning {} to the queue: the worker is stopping", delivery.label());
            delivery.requeue();
            return;
        }
        TaskMessage task;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(delivery.properties(), delivery.body());
            task = ScatterEvents.data(event, TaskMessage.class);
        } catch (MalformedMessageException e) {
            log.warn("Dead-lettering malformed message {}: {}", delivery.label(), e.getMessage());
            delivery.reject();
            return;
        }
        String name = describe(task);
        if (cancelledJobs.contains(task.jobId())) {
            log.info("Skipping {}: the job was cancelled", name);
            delivery.ack();
            return;
        }
        JobType type;
        try {
            type = jobTypes.get(task.jobType());
        } catch (UnknownJobTypeException e) {
            log.warn("Dead-lettering {}: {}", name, e.getMessage());
            delivery.reject();
            return;
        }
        computeAndSettle(delivery, task, type);
    }

    private void computeAndSettle(TaskDelivery delivery, TaskMessage task, JobType type) {
        String name = describe(task);
        TaskResultMessage result = compute(task, type, delivery.attempt());
        if (pool.abandoned()) {
            log.info("Abandoned {} after the shutdown grace; the broker redelivers it", name);
            return;
        }
        try {
            publisher.publish(result);
        } catch (PublishFailedException e) {
            log.warn("Could not publish the result of {} ({}); returning the task to the queue", name, e.getMessage());
            pauseBeforeRequeue();
            delivery.requeue();
            return;
        }
        delivery.ack();
        log.info("{} {} in {} ms (attempt {})", name, result.outcome() == TaskResultMessage.Outcome.SUCCEEDED
                        ? "succeeded" : "failed: " + result.error(),
                Duration.between(result.startedAt(), result.finishedAt()).toMillis(), result.attempt());
    }

    private TaskResultMessage compute(TaskMessage task, JobType type, int attempt) {
        Instant startedAt = clock.instant();
        log.debug("Computing {} (attempt {})", describe(task), attempt);
        try {
            Map<String, Object> output = type.compute(task.payload());
            return TaskResultMessage.succeeded(task, output, workerName, attempt, startedAt, clock.instant());
        } catch (Exception | StackOverflowError e) {
            return TaskResultMessage.failed(task, oneLine(e), workerName, attempt, startedAt, clock.instant());
        }
    }

    /** Keeps a failing broker from getting the same task back at once, which would use up its delivery limit. */
    private void pauseBeforeRequeue() {
        try {
            Thread.sleep(requeuePause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exception's simple class name and message on one line, e.g. {@code ArithmeticException: / by zero}. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ").trim();
        String type = failure.getClass().getSimpleName().isEmpty()
                ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        String line = message.isEmpty() ? type : type + ": " + message;
        return line.length() > MAX_ERROR_LENGTH ? line.substring(0, MAX_ERROR_LENGTH - 1) + "…" : line;
    }

    private static String describe(TaskMessage task) {
        return "task " + (task.taskIndex() + 1) + "/" + task.taskCount() + " of " + task.jobType() + " job "
                + task.jobId();
    }
}

