package io.scatter.core.job;

import io.scatter.core.jobtype.JobType;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A job's progress and outcome: the aggregate that results are applied to, one verb per transition.
 * Not thread-safe; callers load, change and store it inside one transaction.
 */
public final class Job {

    private final UUID id;
    private final JobType type;
    private final int tasksTotal;
    private JobStatus status;
    private int tasksDone;
    private Map<String, Object> partialResult;
    private String error;
    private Instant startedAt;
    private Instant finishedAt;

    private Job(UUID id, JobType type, int tasksTotal, JobStatus status, int tasksDone,
                Map<String, Object> partialResult, String error, Instant startedAt, Instant finishedAt) {
        if (tasksTotal < 1) {
            throw new IllegalArgumentException("a job has at least one task, not " + tasksTotal);
        }
        if (tasksDone < 0 || tasksDone > tasksTotal) {
            throw new IllegalArgumentException("tasksDone " + tasksDone + " outside 0.." + tasksTotal);
        }
        this.id = Objects.requireNonNull(id, "id");
        this.type = Objects.requireNonNull(type, "type");
        this.tasksTotal = tasksTotal;
        this.status = Objects.requireNonNull(status, "status");
        this.tasksDone = tasksDone;
        this.partialResult = Map.copyOf(partialResult == null ? type.emptyResult() : partialResult);
        this.error = error;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
    }

    /** A job just accepted, with none of its tasks done. */
    public static Job queued(UUID id, JobType type, int tasksTotal) {
        return new Job(id, type, tasksTotal, JobStatus.QUEUED, 0, null, null, null, null);
    }

    /** A job as stored. */
    public static Job restore(UUID id, JobType type, int tasksTotal, JobStatus status, int tasksDone,
                              Map<String, Object> partialResult, String error, Instant startedAt, Instant finishedAt) {
        return new Job(id, type, tasksTotal, status, tasksDone, partialResult, error, startedAt, finishedAt);
    }

    /**
     * The first task started: QUEUED to RUNNING. Idempotent once RUNNING. A job that ended is not started again
     * (throws {@link IllegalJobTransitionException}): only {@link #retry} reopens a FAILED one.
     */
    public void start(Instant at) {
        if (status == JobStatus.RUNNING) {
            return;
        }
        if (status.isFinal()) {
            throw new IllegalJobTransitionException(status, JobStatus.RUNNING);
        }
        move(JobStatus.RUNNING);
        startedAt = at;
    }

    /**
     * One more task finished with {@code taskResult}: combines it into the partial result and, when it was the last,
     * completes the job. Callers guarantee each task is counted once (the task row's own transition).
     * Results arriving after the job ended (cancelled or failed) are ignored.
     */
    public void taskSucceeded(Map<String, Object> taskResult, Instant startedAt, Instant finishedAt) {
        if (status.isFinal()) {
            return;
        }
        start(startedAt == null ? finishedAt : startedAt);
        if (tasksDone == tasksTotal) {
            throw new IllegalStateException("job " + id + " already has all " + tasksTotal + " tasks done");
        }
        partialResult = Map.copyOf(type.combine(partialResult, taskResult));
        tasksDone++;
        if (tasksDone == tasksTotal) {
            complete(finishedAt);
        }
    }

    /** All tasks are done: RUNNING to SUCCEEDED, the partial result becomes the result. */
    public void complete(Instant at) {
        move(JobStatus.SUCCEEDED);
        finishedAt = at;
    }

    /** A task failed for good: the job ends FAILED with {@code reason}. Ignored if the job already ended. */
    public void fail(String reason, Instant at) {
        if (status.isFinal()) {
            return;
        }
        move(JobStatus.FAILED);
        error = reason;
        finishedAt = at;
    }

    /**
     * The task that failed the job was put back on the queue (a retry of its dead letter): the job is reopened,
     * FAILED to RUNNING, with its error and end time cleared; the tasks it had done still count, with their partial
     * result. The one way out of an ended status, so legal only where the table of transitions leads from an ended
     * status back to RUNNING (FAILED); any other job, SUCCEEDED and CANCELLED ones included, throws
     * {@link IllegalJobTransitionException}.
     */
    public void retry(Instant at) {
        if (!status.isFinal() || !status.canMoveTo(JobStatus.RUNNING)) {
            throw new IllegalJobTransitionException(status, JobStatus.RUNNING,
                    "only a FAILED job can be retried; this one is " + status);
        }
        move(JobStatus.RUNNING);
        error = null;
        finishedAt = null;
        if (startedAt == null) {
            startedAt = at;
        }
    }

    /** The user cancelled: the job ends CANCELLED; throws if it had already ended. */
    public void cancel(Instant at) {
        move(JobStatus.CANCELLED);
        finishedAt = at;
    }

    private void move(JobStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalJobTransitionException(status, next);
        }
        status = next;
    }

    public UUID id() {
        return id;
    }

    public JobType type() {
        return type;
    }

    public JobStatus status() {
        return status;
    }

    public int tasksTotal() {
        return tasksTotal;
    }

    public int tasksDone() {
        return tasksDone;
    }

    /** Percentage of tasks done, 0 to 100, rounded down (100 only when all are done). */
    public int percent() {
        return (int) ((long) tasksDone * 100 / tasksTotal);
    }

    /** The combined result of the tasks done so far. */
    public Map<String, Object> partialResult() {
        return partialResult;
    }

    /** The result, once SUCCEEDED; null before. */
    public Map<String, Object> result() {
        return status == JobStatus.SUCCEEDED ? partialResult : null;
    }

    public String error() {
        return error;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
