package io.scatter.api.job;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.store.StoredTask;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One transaction of the {@link JdbcJobStore}: every step a statement on the Spring transaction's connection. */
final class JdbcJobStoreTransaction implements JobStoreTransaction {

    private final JdbcClient jdbc;
    private final JobRepository jobs;
    private final TaskRepository tasks;
    private boolean active = true;

    JdbcJobStoreTransaction(JdbcClient jdbc, JobRepository jobs, TaskRepository tasks) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.tasks = tasks;
    }

    /** Ends this transaction's use: its statements would otherwise run outside any transaction. */
    void end() {
        active = false;
    }

    @Override
    public void create(NewJob job) {
        ensureActive();
        if (!jobs.create(job)) {
            throw new IllegalStateException("job " + job.id() + " already exists");
        }
        tasks.insertAll(job.id(), job.payloads());
    }

    @Override
    public Optional<StoredJob> find(UUID jobId) {
        ensureActive();
        return jobs.findStored(jobId);
    }

    @Override
    public List<StoredTask> tasks(UUID jobId) {
        ensureActive();
        return tasks.list(jobId);
    }

    @Override
    public Optional<Job> lockJob(UUID jobId) {
        ensureActive();
        return jobs.lock(jobId);
    }

    @Override
    public void save(Job job) {
        ensureActive();
        jobs.save(job);
    }

    @Override
    public boolean recordMessage(String messageId) {
        ensureActive();
        Objects.requireNonNull(messageId, "messageId");
        return jdbc.sql("""
                        INSERT INTO inbox (message_id, type, received_at) VALUES (:id, :type, now())
                        ON CONFLICT (message_id) DO NOTHING""")
                .param("id", messageId)
                .param("type", TaskResultMessage.TYPE)
                .update() == 1;
    }

    @Override
    public Set<String> recordMessages(List<String> messageIds) {
        ensureActive();
        List<String> distinct = messageIds.stream().map(id -> Objects.requireNonNull(id, "messageId")).distinct()
                .sorted().toList();
        if (distinct.isEmpty()) {
            return Set.of();
        }
        List<Object> params = new ArrayList<>(distinct.size() * 2);
        distinct.forEach(id -> {
            params.add(id);
            params.add(TaskResultMessage.TYPE);
        });
        // in one order on every replica, so that two batches with common ids wait for each other without a deadlock
        return Set.copyOf(jdbc.sql("INSERT INTO inbox (message_id, type, received_at) VALUES "
                        + String.join(", ", Collections.nCopies(distinct.size(), "(?, ?, now())"))
                        + " ON CONFLICT (message_id) DO NOTHING RETURNING message_id")
                .params(params)
                .query(String.class)
                .list());
    }

    @Override
    public List<Boolean> finishTasks(List<TaskResultMessage> results) {
        ensureActive();
        return results.isEmpty() ? List.of() : tasks.recordAll(results);
    }

    @Override
    public boolean finishTask(TaskResultMessage result) {
        ensureActive();
        return tasks.record(result);
    }

    @Override
    public int cancelQueuedTasks(UUID jobId) {
        ensureActive();
        return tasks.cancelQueued(jobId);
    }

    @Override
    public List<StoredTask> requeueTasks(UUID jobId) {
        ensureActive();
        return tasks.requeue(jobId);
    }

    private void ensureActive() {
        if (!active) {
            throw new IllegalStateException("this transaction has ended");
        }
    }
}
