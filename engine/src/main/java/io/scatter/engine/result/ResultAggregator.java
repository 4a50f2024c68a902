package io.scatter.engine.result;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.StoredJob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies each task result exactly once, in one store transaction: the message id goes into the inbox (seen before →
 * stop), the job is locked, the task moves out of QUEUED (already moved → stop), then the job takes the result in; a
 * failed result fails the job and cancels its queued tasks. The same steps as the API's PostgreSQL inbox.
 *
 * <pre>{@code
 * Aggregation applied = aggregator.apply(delivery.messageId(), delivery.result());
 * if (applied.failedTheJob()) transport.broadcastCancel(applied.job().id());
 * delivery.ack();
 *
 * List<Aggregation> each = aggregator.applyAll(List.of(new ResultMessage(id1, r1), new ResultMessage(id2, r2)));
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
        return applyAll(List.of(new ResultMessage(messageId, result))).get(0);
    }

    /**
     * Applies {@code messages} in one store transaction, with the effect of applying them one by one in that order:
     * their ids go into the inbox first (an id seen before, or earlier in the batch, makes a duplicate), then each job
     * is locked once — jobs in the order of their ids, so that batches sharing jobs cannot deadlock — and takes its
     * results in. Returns what each message did, by position; its job is as the whole batch left it, so a caller acts
     * on {@link Aggregation#failedTheJob} once per job. Throws whatever the store throws, in which case nothing
     * changed and the messages should be retried.
     */
    public List<Aggregation> applyAll(List<ResultMessage> messages) {
        List<ResultMessage> batch = List.copyOf(messages);
        if (batch.isEmpty()) {
            return List.of();
        }
        return store.inTransaction(transaction -> applyAllIn(transaction, batch));
    }

    private static List<Aggregation> applyAllIn(JobStoreTransaction transaction, List<ResultMessage> batch) {
        ResultOutcome[] outcomes = new ResultOutcome[batch.size()];
        Set<String> recorded = new HashSet<>(transaction.recordMessages(
                batch.stream().map(ResultMessage::messageId).toList()));
        Map<UUID, List<Integer>> byJob = new TreeMap<>();
        for (int position = 0; position < batch.size(); position++) {
            ResultMessage message = batch.get(position);
            if (recorded.remove(message.messageId())) {
                byJob.computeIfAbsent(message.result().jobId(), id -> new ArrayList<>()).add(position);
            } else {
                log.log(System.Logger.Level.DEBUG, "Skipping result message {0}: already handled", message.messageId());
                outcomes[position] = ResultOutcome.DUPLICATE_MESSAGE;
            }
        }
        byJob.forEach((jobId, positions) -> applyToJob(transaction, jobId, positions, batch, outcomes));
        Map<UUID, StoredJob> jobs = new HashMap<>();
        List<Aggregation> aggregations = new ArrayList<>(batch.size());
        for (int position = 0; position < batch.size(); position++) {
            UUID jobId = batch.get(position).result().jobId();
            StoredJob job = outcomes[position] == ResultOutcome.UNKNOWN_JOB ? null
                    : jobs.computeIfAbsent(jobId, id -> transaction.find(id).orElse(null));
            aggregations.add(new Aggregation(outcomes[position], job));
        }
        return aggregations;
    }

    /** Applies the results at {@code positions} of {@code batch}, all of job {@code jobId}, in order. */
    private static void applyToJob(JobStoreTransaction transaction, UUID jobId, List<Integer> positions,
                                   List<ResultMessage> batch, ResultOutcome[] outcomes) {
        Optional<Job> locked = transaction.lockJob(jobId);
        if (locked.isEmpty()) {
            positions.forEach(position -> outcomes[position] = unknownJob(batch.get(position).messageId(),
                    batch.get(position).result()));
            return;
        }
        Job job = locked.get();
        List<Integer> valid = new ArrayList<>();
        for (int position : positions) {
            outcomes[position] = check(job, batch.get(position).messageId(), batch.get(position).result());
            if (outcomes[position] == null) {
                valid.add(position);
            }
        }
        boolean changed = false;
        int from = 0;
        while (from < valid.size()) {
            int to = from;
            while (to < valid.size() && succeeded(batch.get(valid.get(to)))) {
                to++;
            }
            // a failure ends the run, so that the results after it find the tasks it cancelled
            to = Math.min(to + 1, valid.size());
            List<Integer> run = valid.subList(from, to);
            List<Boolean> finished = transaction.finishTasks(run.stream().map(p -> batch.get(p).result()).toList());
            for (int k = 0; k < run.size(); k++) {
                ResultMessage message = batch.get(run.get(k));
                if (finished.get(k)) {
                    takeIn(transaction, job, message.result());
                    outcomes[run.get(k)] = ResultOutcome.APPLIED;
                    changed = true;
                } else {
                    outcomes[run.get(k)] = alreadyFinished(message.messageId(), message.result());
                }
            }
            from = to;
        }
        if (changed) {
            transaction.save(job);
        }
    }

    /** Why {@code result} cannot be for {@code job}, or null when it can. */
    private static ResultOutcome check(Job job, String messageId, TaskResultMessage result) {
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
        return null;
    }

    /** Lets {@code job} take in the result of a task that just finished; a failure cancels its queued tasks. */
    private static void takeIn(JobStoreTransaction transaction, Job job, TaskResultMessage result) {
        if (result.outcome() == TaskResultMessage.Outcome.SUCCEEDED) {
            job.taskSucceeded(result.result(), result.startedAt(), result.finishedAt());
        } else {
            job.fail("task " + result.taskIndex() + " failed on worker " + result.worker() + ": " + result.error(),
                    result.finishedAt());
            if (job.status() == JobStatus.FAILED) {
                transaction.cancelQueuedTasks(job.id());
            }
        }
    }

    private static boolean succeeded(ResultMessage message) {
        return message.result().outcome() == TaskResultMessage.Outcome.SUCCEEDED;
    }

    private static ResultOutcome unknownJob(String messageId, TaskResultMessage result) {
        log.log(System.Logger.Level.WARNING, "Dropping result message {0}: job {1} does not exist", messageId,
                result.jobId());
        return ResultOutcome.UNKNOWN_JOB;
    }

    private static ResultOutcome alreadyFinished(String messageId, TaskResultMessage result) {
        log.log(System.Logger.Level.DEBUG, "Ignoring result message {0}: task {1} of job {2} already finished",
                messageId, result.taskIndex(), result.jobId());
        return ResultOutcome.TASK_ALREADY_FINISHED;
    }
}
