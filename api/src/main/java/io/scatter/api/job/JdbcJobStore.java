package io.scatter.api.job;

import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.JobStoreTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Objects;
import java.util.function.Function;

/**
 * The engine's {@link JobStore} on PostgreSQL: each {@link #inTransaction} is one Spring transaction, which joins the
 * caller's transaction when one is open, so that the API can write outbox rows in the same commit.
 */
@Component
final class JdbcJobStore implements JobStore {

    private final JdbcClient jdbc;
    private final JobRepository jobs;
    private final TaskRepository tasks;
    private final TransactionTemplate transactions;

    JdbcJobStore(JdbcClient jdbc, JobRepository jobs, TaskRepository tasks, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tasks = tasks;
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Function<JobStoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.execute(status -> {
            JdbcJobStoreTransaction transaction = new JdbcJobStoreTransaction(jdbc, jobs, tasks);
            try {
                return work.apply(transaction);
            } finally {
                transaction.end();
            }
        });
    }
}
