package io.scatter.engine.memory;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.engine.store.JobStoreTransaction;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.store.StoredTask;
import io.scatter.engine.store.TaskStatus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** One transaction of the {@link InMemoryJobStore}: changes the maps in place and journals how to undo each change. */
final class MemoryTransaction implements JobStoreTransaction {

    private final Map<UUID, JobRow> jobs;
    private final Map<UUID, List<StoredTask>> tasks;
    private final Set<String> inbox;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean active = true;

    MemoryTransaction(Map<UUID, JobRow> jobs, Map<UUID, List<StoredTask>> tasks, Set<String> inbox) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.inbox = inbox;
    }

    /** Keeps the changes ({@code commit}) or undoes them, newest first; either way the transaction is over. */
    void end(boolean commit) {
        if (!commit) {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }
        undo.clear();
        active = false;
    }

    @Override
    public void create(NewJob job) {
        ensureActive();
        if (jobs.containsKey(job.id())) {
            throw new IllegalStateException("job " + job.id() + " already exists");
        }
        List<StoredTask> queued = new ArrayList<>(job.payloads().size());
        for (int index = 0; index < job.payloads().size(); index++) {
            queued.add(new StoredTask(job.id(), index, TaskStatus.QUEUED, job.payloads().get(index), null, null, null,
                    0, null, null));
        }
        jobs.put(job.id(), JobRow.of(job));
        tasks.put(job.id(), queued);
        undo.push(() -> {
            jobs.remove(job.id());
            tasks.remove(job.id());
        });
    }

    @Override
    public Optional<StoredJob> find(UUID jobId) {
        ensureActive();
        return Optional.ofNullable(jobs.get(jobId)).map(JobRow::toStoredJob);
    }

    @Override
    public List<StoredTask> tasks(UUID jobId) {
        ensureActive();
        return List.copyOf(tasks.getOrDefault(jobId, List.of()));
    }

    @Override
    public Optional<Job> lockJob(UUID jobId) {
        ensureActive();
        return Optional.ofNullable(jobs.get(jobId)).map(JobRow::toJob);
    }

    @Override
    public void save(Job job) {
        ensureActive();
        JobRow before = jobs.get(job.id());
        if (before == null) {
            throw new IllegalStateException("job " + job.id() + " is not stored");
        }
        jobs.put(job.id(), JobRow.of(job, before.definition(), before.createdAt()));
        undo.push(() -> jobs.put(job.id(), before));
    }

    @Override
    public boolean recordMessage(String messageId) {
        ensureActive();
        Objects.requireNonNull(messageId, "messageId");
        if (!inbox.add(messageId)) {
            return false;
        }
        undo.push(() -> inbox.remove(messageId));
        return true;
    }

    @Override
    public boolean finishTask(TaskResultMessage result) {
        ensureActive();
        List<StoredTask> ofJob = tasks.get(result.jobId());
        int index = result.taskIndex();
        if (ofJob == null || index < 0 || index >= ofJob.size() || ofJob.get(index).status() != TaskStatus.QUEUED) {
            return false;
        }
        StoredTask before = ofJob.get(index);
        boolean succeeded = result.outcome() == TaskResultMessage.Outcome.SUCCEEDED;
        ofJob.set(index, new StoredTask(before.jobId(), index, succeeded ? TaskStatus.SUCCEEDED : TaskStatus.FAILED,
                before.payload(), succeeded ? result.result() : null, succeeded ? null : result.error(),
                result.worker(), result.attempt(), result.startedAt(), result.finishedAt()));
        undo.push(() -> ofJob.set(index, before));
        return true;
    }

    @Override
    public int cancelQueuedTasks(UUID jobId) {
        ensureActive();
        List<StoredTask> ofJob = tasks.getOrDefault(jobId, List.of());
        int cancelled = 0;
        for (int index = 0; index < ofJob.size(); index++) {
            StoredTask before = ofJob.get(index);
            if (before.status() == TaskStatus.QUEUED) {
                ofJob.set(index, new StoredTask(jobId, index, TaskStatus.CANCELLED, before.payload(), null, null, null,
                        0, null, null));
                int at = index;
                undo.push(() -> ofJob.set(at, before));
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public List<StoredTask> requeueTasks(UUID jobId) {
        ensureActive();
        List<StoredTask> ofJob = tasks.getOrDefault(jobId, List.of());
        List<StoredTask> requeued = new ArrayList<>();
        for (int index = 0; index < ofJob.size(); index++) {
            StoredTask before = ofJob.get(index);
            if (before.status() == TaskStatus.FAILED || before.status() == TaskStatus.CANCELLED) {
                StoredTask queued = new StoredTask(jobId, index, TaskStatus.QUEUED, before.payload(), null, null, null,
                        0, null, null);
                ofJob.set(index, queued);
                int at = index;
                undo.push(() -> ofJob.set(at, before));
                requeued.add(queued);
            }
        }
        return List.copyOf(requeued);
    }

    private void ensureActive() {
        if (!active) {
            throw new IllegalStateException("this transaction has ended");
        }
    }
}
