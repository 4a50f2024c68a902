package io.scatter.engine.result;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;

import java.util.Objects;
import java.util.Optional;

/**
 * Applies each task result exactly once, in one store transaction: the message id goes into the inbox (seen before →
 * stop), the job is locked, the task moves out of QUEUED (already moved → stop), then the job takes the result in; a
 * failed result fails the job and cancels its queued tasks. The same steps as the API's PostgreSQL inbox.
 *
 * <pre>{@code
 * Aggregation applied = aggregator.apply(delivery.messageId(), delivery.result());
 * if (applied.failedTheJob()) transport.broadcastCancel(applied.job().id());
 * delivery.ack();
 * }</pre>
 */
public final class ResultAggregator {

    private static final System.Logger log = System.getLogger(ResultAggregator.class.getName());

    private final JobStore store;

    public ResultAggregator(JobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Applies {@code result}, delivered in message {@code messageId}; returns once the effect is committed. Throws
     * whatever the store throws, in which case nothing changed (not even the inbox) and the message should be retried.
     */
    public Aggregation apply(String messageId, TaskResultMessage result) {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(result, "result");
        return store.inTransaction(transaction -> {
            ResultOutcome outcome = applyIn(transaction, messageId, result);
            return new Aggregation(outcome, transaction.find(result.jobId()).orElse(null));
        });
    }

    private static ResultOutcome applyIn(JobStoreTransaction transaction, String messageId, TaskResultMessage result) {
        if (!transaction.recordMessage(messageId)) {
            log.log(System.Logger.Level.DEBUG, "Skipping result message {0}: already handled", messageId);
            return ResultOutcome.DUPLICATE_MESSAGE;
        }
        Optional<Job> locked = transaction.lockJob(result.jobId());
        if (locked.isEmpty()) {
            log.log(System.Logger.Level.WARNING, "Dropping result message {0}: job {1} does not exist", messageId,
                    result.jobId());
            return ResultOutcome.UNKNOWN_JOB;
        }
        Job job = locked.get();
        if (!job.type().name().equals(result.jobType())) {
            log.log(System.Logger.Level.WARNING, "Dropping result message {0}: it is for a {1} task, but job {2} is a"
                    + " {3} job", messageId, result.jobType(), job.id(), job.type().name());
            return ResultOutcome.WRONG_TYPE;
        }
        if (result.taskIndex() < 0 || result.taskIndex() >= job.tasksTotal()) {
            log.log(System.Logger.Level.WARNING, "Dropping result message {0}: job {1} has no task {2}", messageId,
                    job.id(), result.taskIndex());
            return ResultOutcome.UNKNOWN_TASK;
        }
        if (!transaction.finishTask(result)) {
            log.log(System.Logger.Level.DEBUG, "Ignoring result message {0}: task {1} of job {2} already finished",
                    messageId, result.taskIndex(), job.id());
            return ResultOutcome.TASK_ALREADY_FINISHED;
        }
        if (result.outcome() == TaskResultMessage.Outcome.SUCCEEDED) {
            job.taskSucceeded(result.result(), result.startedAt(), result.finishedAt());
        } else {
            job.fail("task " + result.taskIndex() + " failed on worker " + result.worker() + ": " + result.error(),
                    result.finishedAt());
            if (job.status() == JobStatus.FAILED) {
                transaction.cancelQueuedTasks(job.id());
            }
        }
        transaction.save(job);
        return ResultOutcome.APPLIED;
    }
}
