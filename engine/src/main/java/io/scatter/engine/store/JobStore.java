package io.scatter.engine.store;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Where jobs, their tasks and the result inbox are kept, changed only in transactions: PostgreSQL in a cluster, memory
 * in local mode. Every adapter passes the same contract suite ({@code JobStoreContract} in this module's test jar).
 *
 * <pre>{@code
 * boolean cancelled = store.inTransaction(tx -> tx.lockJob(jobId).map(job -> {
 *     job.cancel(clock.instant());
 *     tx.save(job);
 *     tx.cancelQueuedTasks(jobId);
 *     return true;
 * }).orElse(false));
 * }</pre>
 */
public interface JobStore {

    /**
     * Runs {@code work} in one transaction and returns what it returns: all of its writes are kept when it returns,
     * none when it throws (the exception is passed on). A failure of the store itself is thrown as an unchecked
     * exception, after which nothing of {@code work} is kept either.
     */
    <T> T inTransaction(Function<JobStoreTransaction, T> work);

    /** The job with id {@code jobId}, read in a transaction of its own. */
    default Optional<StoredJob> find(UUID jobId) {
        return inTransaction(transaction -> transaction.find(jobId));
    }
}
