package io.scatter.engine.store;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one transaction of a {@link JobStore} can do; valid only inside the {@link JobStore#inTransaction} call that
 * handed it out. Writes become visible to other transactions when that call returns, and are all undone if it throws.
 *
 * <p>The exactly-once steps for one result, as {@code ResultAggregator} runs them:
 * <pre>{@code
 * store.inTransaction(tx -> {
 *     if (!tx.recordMessage(messageId)) return DUPLICATE_MESSAGE;        // inbox
 *     Job job = tx.lockJob(result.jobId()).orElse(null);                  // job before task: no deadlock with cancel
 *     if (job == null) return UNKNOWN_JOB;
 *     if (!tx.finishTask(result)) return TASK_ALREADY_FINISHED;          // QUEUED -> SUCCEEDED/FAILED at most once
 *     job.taskSucceeded(result.result(), result.startedAt(), result.finishedAt());
 *     tx.save(job);
 *     return APPLIED;
 * });
 * }</pre>
 */
public interface JobStoreTransaction {

    /** Stores a new QUEUED job and its QUEUED tasks; throws {@link IllegalStateException} if the id is taken. */
    void create(NewJob job);

    /** The job with id {@code jobId}, as this transaction sees it. */
    Optional<StoredJob> find(UUID jobId);

    /** The tasks of job {@code jobId} by index; empty if there is no such job. */
    List<StoredTask> tasks(UUID jobId);

    /**
     * Locks job {@code jobId} until the transaction ends (other transactions locking it wait) and returns its
     * aggregate, a copy that changes the store only through {@link #save}.
     */
    Optional<Job> lockJob(UUID jobId);

    /** Writes back an aggregate from {@link #lockJob}: status, tasks done, partial result, error and times. */
    void save(Job job);

    /**
     * Records that message {@code messageId} is being handled (the inbox).
     *
     * @return true the first time; false if a transaction that committed already recorded it
     */
    boolean recordMessage(String messageId);

    /**
     * Records messages {@code messageIds} as {@link #recordMessage} does, an id listed twice counting as seen the
     * second time; an adapter may do it in one statement.
     *
     * @return the ids recorded now, for the first time
     */
    default Set<String> recordMessages(List<String> messageIds) {
        Set<String> recorded = new LinkedHashSet<>();
        for (String messageId : messageIds) {
            if (recordMessage(messageId)) {
                recorded.add(messageId);
            }
        }
        return recorded;
    }

    /**
     * Moves the result's task out of QUEUED to SUCCEEDED or FAILED, keeping its result or error, worker, attempt and
     * times.
     *
     * @return true if the task was QUEUED (the result counts); false if it had already finished or was cancelled, or
     *         does not exist
     */
    boolean finishTask(TaskResultMessage result);

    /**
     * Finishes the tasks of {@code results} in order, as {@link #finishTask} does one by one (so of two results of one
     * task only the first counts); an adapter may send them together.
     *
     * @return whether each result counts, by position
     */
    default List<Boolean> finishTasks(List<TaskResultMessage> results) {
        List<Boolean> finished = new ArrayList<>(results.size());
        for (TaskResultMessage result : results) {
            finished.add(finishTask(result));
        }
        return finished;
    }

    /** Moves every QUEUED task of job {@code jobId} to CANCELLED; returns how many. */
    int cancelQueuedTasks(UUID jobId);

    /**
     * Moves every FAILED or CANCELLED task of job {@code jobId} back to QUEUED, clearing its result, error, worker,
     * attempt and times, so that a new result of it counts (once, by {@link #finishTask}); SUCCEEDED tasks keep their
     * result and are not touched. What a retry of a failed job does to its tasks, under the job's lock.
     *
     * @return the tasks moved, as they are now, by index; empty if there were none or there is no such job
     */
    List<StoredTask> requeueTasks(UUID jobId);
}
