package io.scatter.api.deadletter;

import io.scatter.api.job.JobIds;
import io.scatter.api.auth.Caller;
import io.scatter.api.job.JobService;
import io.scatter.api.log.JobLogContext;
import io.scatter.api.outbox.Outbox;
import io.scatter.contracts.TaskMessage;
import io.scatter.engine.result.JobRetry;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.store.StoredTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The dead-letter use cases behind the HTTP API: list, read and retry, each in one transaction. */
@Service
class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetterRepository deadLetters;
    private final JobRetry retries;
    private final JobStore store;
    private final JobService jobs;
    private final Outbox outbox;
    private final Clock clock;

    DeadLetterService(DeadLetterRepository deadLetters, JobRetry retries, JobStore store, JobService jobs,
                      Outbox outbox, Clock clock) {
        this.deadLetters = deadLetters;
        this.retries = retries;
        this.store = store;
        this.jobs = jobs;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One page of dead letters, newest first. */
    @Transactional(readOnly = true)
    public DeadLetterPage list(DeadLetterQuery query) {
        List<DeadLetterDocument> found = deadLetters.list(query, query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new DeadLetterPage(found, null);
        }
        List<DeadLetterDocument> page = found.subList(0, query.limit());
        DeadLetterDocument last = page.get(page.size() - 1);
        return new DeadLetterPage(List.copyOf(page),
                new DeadLetterQuery.Position(last.deadLetteredAt(), last.id()).toCursor());
    }

    /** The dead letter with id {@code id}. */
    @Transactional(readOnly = true)
    public DeadLetterDocument get(String id) {
        return deadLetters.find(parse(id)).orElseThrow(() -> new DeadLetterNotFoundException(id));
    }

    /**
     * Puts the task of dead letter {@code id} back, in one transaction: the dead letter is locked and must be DEAD and
     * have failed its job, which must still be FAILED; the job is reopened (RUNNING, error cleared) with its FAILED and
     * CANCELLED tasks QUEUED again (the engine's {@link JobRetry}), one outbox message per requeued task publishes it
     * again under a new message id, and the DEAD dead letters of those tasks (this one included) become RETRIED.
     */
    @Transactional
    public RetryDocument retry(String id) {
        DeadLetterDocument deadLetter = deadLetters.lock(parse(id)).orElseThrow(() -> new DeadLetterNotFoundException(id));
        if (deadLetter.status() == DeadLetterStatus.RETRIED) {
            throw new RetryConflictException("dead letter " + id + " was already retried at "
                    + deadLetter.retriedAt());
        }
        if (deadLetter.jobId() == null) {
            throw new RetryConflictException("dead letter " + id + " is not a readable task; there is nothing to retry");
        }
        UUID jobId = deadLetter.jobId();
        int taskIndex = deadLetter.taskIndex();
        if (!deadLetter.failedJob()) {
            throw notRetryable(deadLetter, store.find(jobId).orElse(null));
        }
        JobRetry.Retry retry = retries.retry(jobId, taskIndex);
        if (!retry.reopened()) {
            throw notRetryable(deadLetter, retry.job());
        }
        outbox.enqueueTasks(retry.requeued());
        List<Integer> requeued = retry.requeued().stream().map(TaskMessage::taskIndex).toList();
        int retried = deadLetters.markRetried(jobId, requeued, clock.instant());
        try (JobLogContext context = JobLogContext.of(jobId)) {
            log.info("Retried dead letter {}: job {} is RUNNING again with {} task(s) queued again ({} dead letter(s) "
                    + "RETRIED)", id, jobId, requeued.size(), retried);
        }
        return new RetryDocument(deadLetters.find(deadLetter.id()).orElseThrow(),
                jobs.get(Caller.ANYONE, jobId.toString()), requeued);
    }

    /** Why dead letter {@code deadLetter}, which did not reopen its job {@code job}, cannot be retried. */
    private RetryConflictException notRetryable(DeadLetterDocument deadLetter, StoredJob job) {
        String prefix = "dead letter " + deadLetter.id() + " cannot be retried: ";
        if (job == null) {
            return new RetryConflictException(prefix + "its job " + deadLetter.jobId() + " does not exist");
        }
        String task = "task " + deadLetter.taskIndex() + " of job " + job.id();
        return switch (job.status()) {
            case SUCCEEDED, CANCELLED -> new RetryConflictException(prefix + "job " + job.id() + " is " + job.status()
                    + "; only a FAILED job can be retried", job.status());
            case FAILED -> new RetryConflictException(prefix + "job " + job.id() + " did not fail because of it ("
                    + job.error() + "); retry the dead letter that failed it", job.status());
            case QUEUED, RUNNING -> new RetryConflictException(prefix + "job " + job.id() + " is " + job.status()
                    + " and " + task + " is " + taskStatus(job.id(), deadLetter.taskIndex())
                    + "; there is nothing to retry", job.status());
        };
    }

    private String taskStatus(UUID jobId, int taskIndex) {
        List<StoredTask> tasks = store.inTransaction(transaction -> transaction.tasks(jobId));
        return taskIndex < tasks.size() ? tasks.get(taskIndex).status().name() : "unknown";
    }

    private static UUID parse(String id) {
        return JobIds.parse(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
    }
}
