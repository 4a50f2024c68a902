package io.scatter.engine.result;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.store.TaskStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntPredicate;

/**
 * Recovers the tasks a lost worker held — one that stopped sending heartbeats but whose broker connection may live on,
 * so the broker does not return its tasks — by finding which of them still wait for a result, to be published again
 * under new message ids. Publishing a task twice is safe: the inbox takes in one result per task, whichever comes
 * first.
 *
 * <pre>{@code
 * List<TaskMessage> again = recovery.stillQueued(jobId, List.of(3, 7), index -> outbox.publishedSince(...));
 * outbox.enqueueTasks(again);   // in the same transaction
 * }</pre>
 */
public final class TaskRecovery {

    private final JobStore store;

    public TaskRecovery(JobStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * In one store transaction with job {@code jobId} locked (a caller's open transaction, where the store joins it):
     * the tasks among {@code taskIndexes} that are still QUEUED in an unfinished job and for which
     * {@code alreadyRecovered} says no — so that API replicas recovering the same worker publish each task once.
     */
    public List<TaskMessage> stillQueued(UUID jobId, Collection<Integer> taskIndexes, IntPredicate alreadyRecovered) {
        Objects.requireNonNull(jobId, "jobId");
        Set<Integer> wanted = new TreeSet<>(taskIndexes);
        return store.inTransaction(transaction -> stillQueued(transaction, jobId, wanted, alreadyRecovered));
    }

    private static List<TaskMessage> stillQueued(JobStoreTransaction transaction, UUID jobId, Set<Integer> wanted,
                                                 IntPredicate alreadyRecovered) {
        Optional<Job> locked = transaction.lockJob(jobId);
        if (locked.isEmpty() || !unfinished(locked.get().status())) {
            return List.of();
        }
        Job job = locked.get();
        List<TaskMessage> again = new ArrayList<>();
        for (StoredTask task : transaction.tasks(jobId)) {
            if (wanted.contains(task.taskIndex()) && task.status() == TaskStatus.QUEUED
                    && !alreadyRecovered.test(task.taskIndex())) {
                again.add(new TaskMessage(jobId, task.taskIndex(), job.tasksTotal(), job.type().name(),
                        task.payload()));
            }
        }
        return again;
    }

    private static boolean unfinished(JobStatus status) {
        return status == JobStatus.QUEUED || status == JobStatus.RUNNING;
    }
}
