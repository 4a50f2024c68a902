package io.scatter.api.job;

import io.scatter.api.auth.Caller;
import io.scatter.api.log.JobLogContext;
import io.scatter.api.outbox.Outbox;
import io.scatter.api.quota.JobQuota;
import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.Job;
import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.messaging.tracing.Tracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The job use cases behind the HTTP API: submit, read, list and cancel, each in one transaction. A job belongs to the
 * caller that submitted it; to any other caller with a key it does not exist ({@link Caller#ANYONE} sees every job).
 */
@Service
public class JobService {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobTypes types;
    private final JobRepository jobs;
    private final TaskRepository tasks;
    private final JobStore store;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<Capacity> capacity;
    private final JobQuota quota;

    JobService(JobTypes types, JobRepository jobs, TaskRepository tasks, JobStore store, Outbox outbox, Clock clock,
               Supplier<Capacity> capacity, JobQuota quota) {
        this.types = types;
        this.jobs = jobs;
        this.tasks = tasks;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
        this.capacity = capacity;
        this.quota = quota;
    }

    /**
     * The outcome of a submission.
     *
     * @param job     the job's document
     * @param created false when an earlier submission with the same idempotency key is answered again
     */
    public record Submission(JobDocument job, boolean created) {
    }

    /**
     * Validates and splits a job, holds it and its caller to their quotas, then stores it with its tasks and one
     * outbox message per task; a repeated submission with the same idempotency key and body gets the earlier job.
     */
    @Transactional
    public Submission submit(Caller caller, JobRequest request, String idempotencyKey) {
        // only a key's later reuse is compared with the fingerprint, so a request without one needs none
        String fingerprint = idempotencyKey == null ? null : request.fingerprint();
        if (idempotencyKey != null) {
            Optional<Submission> earlier = earlierSubmission(caller, idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        JobType type = types.get(request.type());
        JobDefinition definition = define(type, request);
        List<Map<String, Object>> payloads = type.split(definition);
        quota.checkSize(type, payloads);
        quota.admit(caller);
        Job job = Job.queued(UUID.randomUUID(), type, payloads.size());
        Optional<JobDocument> inserted = jobs.insert(job, definition, payloads, idempotencyKey, fingerprint,
                Tracing.currentTraceId(), caller.keyId());
        if (inserted.isEmpty()) {
            return earlierSubmission(caller, idempotencyKey, fingerprint).orElseThrow(() -> new IllegalStateException(
                    "idempotency key conflict, but no job holds the key"));
        }
        List<TaskMessage> messages = new ArrayList<>(payloads.size());
        for (int index = 0; index < payloads.size(); index++) {
            messages.add(new TaskMessage(job.id(), index, payloads.size(), type.name(), payloads.get(index)));
        }
        outbox.enqueueTasks(messages);
        try (JobLogContext context = JobLogContext.of(job.id())) {
            log.debug("Accepted {} job {} with {} tasks", type.name(), job.id(), payloads.size());
        }
        return new Submission(inserted.get(), true);
    }

    /** The job with id {@code id}: one statement, so without a transaction of its own (no commit round trip). */
    public JobDocument get(Caller caller, String id) {
        return jobs.find(JobIds.parse(id).orElseThrow(() -> new JobNotFoundException(id)), caller.keyId())
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    /** One page of jobs, newest first: one statement, so without a transaction of its own. */
    public JobPage list(Caller caller, JobQuery query) {
        List<JobDocument> found = jobs.list(query, query.limit() + 1, caller.keyId());
        if (found.size() <= query.limit()) {
            return new JobPage(found, null);
        }
        List<JobDocument> page = found.subList(0, query.limit());
        JobDocument last = page.get(page.size() - 1);
        return new JobPage(List.copyOf(page), new JobQuery.Position(last.createdAt(), last.id()).toCursor());
    }

    /**
     * One page of the tasks of job {@code id}, by index: one statement (two for a job without tasks on the page, to
     * tell it from an unknown job), so without a transaction of its own.
     */
    public TaskList tasks(Caller caller, String id, TaskQuery query) {
        UUID jobId = JobIds.parse(id).orElseThrow(() -> new JobNotFoundException(id));
        if (!caller.isAnyone() && !jobs.exists(jobId, caller.keyId())) {
            throw new JobNotFoundException(id);
        }
        List<TaskDocument> found = tasks.page(jobId, query.afterIndex(), query.limit() + 1);
        if (found.isEmpty() && caller.isAnyone() && !jobs.exists(jobId, null)) {
            throw new JobNotFoundException(id);
        }
        if (found.size() <= query.limit()) {
            return new TaskList(jobId, found, null);
        }
        List<TaskDocument> page = List.copyOf(found.subList(0, query.limit()));
        return new TaskList(jobId, page, TaskQuery.cursorAfter(page.get(page.size() - 1).index()));
    }

    /**
     * Cancels a job that has not ended: its queued tasks are cancelled (through the job store, whose transaction joins
     * this one), their unsent messages withdrawn, and the workers told to skip the ones already sent.
     */
    @Transactional
    public JobDocument cancel(Caller caller, String id) {
        UUID jobId = JobIds.parse(id).orElseThrow(() -> new JobNotFoundException(id));
        if (!caller.isAnyone() && !jobs.exists(jobId, caller.keyId())) {
            throw new JobNotFoundException(id);
        }
        store.inTransaction(transaction -> {
            Job job = transaction.lockJob(jobId).orElseThrow(() -> new JobNotFoundException(id));
            job.cancel(clock.instant());
            transaction.save(job);
            return transaction.cancelQueuedTasks(jobId);
        });
        outbox.discardUnsentTasks(jobId);
        outbox.enqueueJobCancelled(jobId);
        try (JobLogContext context = JobLogContext.of(jobId)) {
            log.info("Cancelled job {}", jobId);
        }
        return document(jobId);
    }

    private Optional<Submission> earlierSubmission(Caller caller, String idempotencyKey, String fingerprint) {
        return jobs.findByIdempotencyKey(idempotencyKey).map(earlier -> {
            boolean othersJob = !caller.isAnyone() && !caller.keyId().equals(earlier.owner());
            if (othersJob || !fingerprint.equals(earlier.fingerprint())) {
                throw new IdempotencyKeyReusedException();
            }
            return new Submission(document(earlier.id()), false);
        });
    }

    private JobDocument document(UUID id) {
        return jobs.find(id, null).orElseThrow(() -> new IllegalStateException("job " + id + " is not stored"));
    }

    private JobDefinition define(JobType type, JobRequest request) {
        try {
            return type.define(request.input(), request.options(), capacity.get());
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Job type {} failed to validate a request instead of rejecting it", type.name(), e);
            throw new InvalidInputException("input", "the " + type.name() + " job type cannot use this input: "
                    + e.getMessage());
        }
    }
}
