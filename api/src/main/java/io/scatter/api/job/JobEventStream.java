package io.scatter.api.job;

import io.scatter.engine.store.TaskStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The stream of one job: a {@code job} event whenever the job changes, then a {@code tasks} event with the tasks that
 * left QUEUED (or changed) since the previous one; it ends once the job has ended and both were sent.
 */
final class JobEventStream extends EventStream {

    private final UUID jobId;
    private final UUID owner;
    private final TaskStatus[] sentTasks;
    /** Every task below this index was sent as SUCCEEDED, which it stays: the task reads start here. */
    private int settledBelow;
    private JobChange sent;

    /** @param owner whose job it is, or null while authentication is off */
    JobEventStream(SseEmitter emitter, long nowNanos, JobDocument job, UUID owner) {
        super(emitter, nowNanos);
        this.jobId = job.id();
        this.owner = owner;
        this.sentTasks = new TaskStatus[job.progress().tasksTotal()];
    }

    @Override
    void poll(JobEventReads reads) throws IOException {
        Optional<JobDocument> job = reads.job(jobId, owner);
        if (job.isEmpty()) {
            end();
            return;
        }
        update(job.get(), reads);
    }

    /** Sends {@code job} and its changed tasks if it changed since last sent, and ends the stream once it ended. */
    synchronized void update(JobDocument job, JobEventReads reads) throws IOException {
        JobChange change = JobChange.of(job);
        if (change.equals(sent) || ended()) {
            return;
        }
        send("job", job);
        List<TaskDocument> changed = new ArrayList<>();
        // read after the job: a task result and its job's progress commit together, so no task is older than the job
        for (TaskDocument task : reads.tasksLeftQueued(jobId, settledBelow)) {
            if (task.index() < sentTasks.length && !Objects.equals(sentTasks[task.index()], task.status())) {
                changed.add(task);
            }
        }
        for (int from = 0; from < changed.size(); from += TaskEvent.MAX_TASKS) {
            send("tasks", new TaskEvent(List.copyOf(changed.subList(from, Math.min(changed.size(),
                    from + TaskEvent.MAX_TASKS)))));
        }
        for (TaskDocument task : changed) {
            sentTasks[task.index()] = task.status();
        }
        while (settledBelow < sentTasks.length && sentTasks[settledBelow] == TaskStatus.SUCCEEDED) {
            settledBelow++;
        }
        sent = change;
        if (job.status().isFinal()) {
            end();
        }
    }
}
