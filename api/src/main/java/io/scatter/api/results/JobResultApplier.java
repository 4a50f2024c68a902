package io.scatter.api.results;

import io.scatter.api.job.JobRepository;
import io.scatter.api.job.TaskRepository;
import io.scatter.api.outbox.Outbox;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.core.job.Job;
import io.scatter.core.job.JobStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Applies a task result to its task and job, in the caller's transaction: a task counts only on its move out of
 * QUEUED, so a task computed twice is counted once; a failed task fails its job.
 */
class JobResultApplier implements ResultHandler {

    private static final Logger log = LoggerFactory.getLogger(JobResultApplier.class);

    private final JobRepository jobs;
    private final TaskRepository tasks;
    private final Outbox outbox;

    JobResultApplier(JobRepository jobs, TaskRepository tasks, Outbox outbox) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.outbox = outbox;
    }

    @Override
    public void handle(String messageId, TaskResultMessage result) {
        // The job is locked before its task, in the same order as a cancellation, so the two cannot deadlock.
        Optional<Job> locked = jobs.lock(result.jobId());
        if (locked.isEmpty()) {
            log.warn("Dropping result message {}: job {} does not exist", messageId, result.jobId());
            return;
        }
        Job job = locked.get();
        if (!job.type().name().equals(result.jobType())) {
            log.warn("Dropping result message {}: it is for a {} task, but job {} is a {} job", messageId,
                    result.jobType(), job.id(), job.type().name());
            return;
        }
        if (!tasks.record(result)) {
            String status = tasks.status(result.jobId(), result.taskIndex());
            if (status == null) {
                log.warn("Dropping result message {}: job {} has no task {}", messageId, job.id(), result.taskIndex());
            } else {
                log.info("Ignoring result message {}: task {} of job {} is already {}", messageId,
                        result.taskIndex(), job.id(), status);
            }
            return;
        }
        if (result.outcome() == TaskResultMessage.Outcome.SUCCEEDED) {
            job.taskSucceeded(result.result(), result.startedAt(), result.finishedAt());
        } else {
            job.fail("task " + result.taskIndex() + " failed on worker " + result.worker() + ": " + result.error(),
                    result.finishedAt());
            if (job.status() == JobStatus.FAILED) {
                tasks.cancelQueued(job.id());
                outbox.discardUnsentTasks(job.id());
                outbox.enqueueJobCancelled(job.id());
            }
        }
        jobs.save(job);
        if (job.status().isFinal()) {
            log.info("Job {} {} after task {}", job.id(), job.status(), result.taskIndex());
        }
    }
}
