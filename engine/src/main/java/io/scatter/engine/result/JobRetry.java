package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.store.TaskStatus;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts the task that failed a job back, in one store transaction: the job is locked, it must be FAILED and the task
 * must be its FAILED one; then the job is reopened ({@link Job#retry}, FAILED to RUNNING, error cleared) and every
 * FAILED or CANCELLED task of it moves back to QUEUED ({@link JobStoreTransaction#requeueTasks}) — the failed one and
 * those cancelled when it failed. The caller publishes the returned tasks again, under new message ids, in the same
 * transaction where it can (the API's outbox).
 *
 * <p>Exactly once still holds: SUCCEEDED tasks are not touched, so the job's count and partial result stay those of
 * the tasks done, and each requeued task leaves QUEUED once more at most, through {@link ResultAggregator}. A result
 * of a requeued task computed before the retry (its old message) counts as well as a new one would; whichever comes
 * first counts, the other finds the task finished.
 *
 * <pre>{@code
 * JobRetry.Retry retry = new JobRetry(store, clock).retry(jobId, taskIndex);
 * if (retry.reopened()) outbox.enqueueTasks(retry.requeued());
 * }</pre>
 */
public final class JobRetry {

    private static final System.Logger log = System.getLogger(JobRetry.class.getName());

    /** What a retry did. Every outcome but {@link #REOPENED} changed nothing. */
    public enum Outcome {

        /** The job was FAILED by the task: it is RUNNING again, its FAILED and CANCELLED tasks QUEUED. */
        REOPENED,

        /** No job has the id. */
        UNKNOWN_JOB,

        /** The job has no task with the index. */
        UNKNOWN_TASK,

        /** The job is not FAILED: QUEUED or RUNNING (nothing to retry), SUCCEEDED or CANCELLED (it cannot be). */
        JOB_NOT_FAILED,

        /** The job is FAILED, but by another task: this one was cancelled when the job failed (or succeeded). */
        NOT_THE_FAILED_TASK
    }

    /**
     * What a retry did, and the job and task as the transaction left them.
     *
     * @param job        the job after the retry, or null when the outcome is {@link Outcome#UNKNOWN_JOB}
     * @param taskStatus the retried task's status before the retry, or null when the job or task is unknown
     * @param requeued   the tasks moved back to QUEUED, to be published again; empty unless {@link Outcome#REOPENED}
     */
    public record Retry(Outcome outcome, StoredJob job, TaskStatus taskStatus, List<TaskMessage> requeued) {

        public Retry {
            Objects.requireNonNull(outcome, "outcome");
            requeued = List.copyOf(requeued);
        }

        /** Whether the job was reopened and its tasks requeued. */
        public boolean reopened() {
            return outcome == Outcome.REOPENED;
        }
    }

    private final JobStore store;
    private final Clock clock;

    public JobRetry(JobStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Retries task {@code taskIndex} of job {@code jobId}; returns once committed (or, on a store that joins an open
     * transaction, once that transaction has it). Throws whatever the store throws, in which case nothing changed.
     */
    public Retry retry(UUID jobId, int taskIndex) {
        Objects.requireNonNull(jobId, "jobId");
        return store.inTransaction(transaction -> retryIn(transaction, jobId, taskIndex));
    }

    private Retry retryIn(JobStoreTransaction transaction, UUID jobId, int taskIndex) {
        Optional<Job> locked = transaction.lockJob(jobId);
        if (locked.isEmpty()) {
            return new Retry(Outcome.UNKNOWN_JOB, null, null, List.of());
        }
        Job job = locked.get();
        List<StoredTask> tasks = transaction.tasks(jobId);
        if (taskIndex < 0 || taskIndex >= tasks.size()) {
            return new Retry(Outcome.UNKNOWN_TASK, stored(transaction, jobId), null, List.of());
        }
        TaskStatus taskStatus = tasks.get(taskIndex).status();
        if (job.status() != JobStatus.FAILED) {
            return new Retry(Outcome.JOB_NOT_FAILED, stored(transaction, jobId), taskStatus, List.of());
        }
        if (taskStatus != TaskStatus.FAILED) {
            return new Retry(Outcome.NOT_THE_FAILED_TASK, stored(transaction, jobId), taskStatus, List.of());
        }
        job.retry(clock.instant());
        transaction.save(job);
        List<TaskMessage> requeued = transaction.requeueTasks(jobId).stream()
                .map(task -> new TaskMessage(jobId, task.taskIndex(), job.tasksTotal(), job.type().name(),
                        task.payload()))
                .toList();
        log.log(System.Logger.Level.INFO, "Reopened job {0} for a retry of task {1}: {2} task(s) queued again", jobId,
                taskIndex, requeued.size());
        return new Retry(Outcome.REOPENED, stored(transaction, jobId), taskStatus, requeued);
    }

    private static StoredJob stored(JobStoreTransaction transaction, UUID jobId) {
        return transaction.find(jobId).orElseThrow(() -> new IllegalStateException("job " + jobId + " vanished"));
    }
}
