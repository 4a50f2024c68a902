package io.scatter.engine.dispatch;

import io.scatter.contracts.TaskMessage;
import io.scatter.core.job.Job;
import io.scatter.core.jobtype.Capacity;
import io.scatter.core.jobtype.InvalidInputException;
import io.scatter.core.jobtype.JobDefinition;
import io.scatter.core.jobtype.JobType;
import io.scatter.core.jobtype.JobTypes;
import io.scatter.engine.store.JobStore;
import io.scatter.engine.store.NewJob;
import io.scatter.engine.store.StoredJob;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The job use cases on the ports: validate and split a job with its {@link JobType}, store it with its tasks, publish
 * the tasks; cancel a job and tell the workers.
 *
 * <pre>{@code
 * NewJob job = dispatcher.prepare("prime-count", Map.of("from", 0, "to", 1_000_000), Map.of());  // throws if invalid
 * StoredJob accepted = dispatcher.submit(job);
 * }</pre>
 */
public final class JobDispatcher {

    private static final System.Logger log = System.getLogger(JobDispatcher.class.getName());

    private final JobTypes types;
    private final JobStore store;
    private final TaskTransport transport;
    private final Clock clock;
    private final Supplier<Capacity> capacity;

    public JobDispatcher(JobTypes types, JobStore store, TaskTransport transport, Clock clock) {
        this(types, store, transport, clock, () -> Capacity.UNKNOWN);
    }

    /** @param capacity what the workers can compute at once when a job is prepared, for types to size tasks by */
    public JobDispatcher(JobTypes types, JobStore store, TaskTransport transport, Clock clock,
                         Supplier<Capacity> capacity) {
        this.types = Objects.requireNonNull(types, "types");
        this.store = Objects.requireNonNull(store, "store");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = Objects.requireNonNull(capacity, "capacity");
    }

    /**
     * Validates and splits a job without storing or sending anything.
     *
     * @throws io.scatter.core.jobtype.UnknownJobTypeException if no job type is called {@code type}
     * @throws InvalidInputException naming the offending field when the input or options are wrong
     */
    public NewJob prepare(String type, Map<String, Object> input, Map<String, Object> options) {
        JobType jobType = types.get(type);
        JobDefinition definition = define(jobType, input, options, capacity.get());
        List<Map<String, Object>> payloads = jobType.split(definition);
        return new NewJob(UUID.randomUUID(), jobType, definition, payloads, clock.instant());
    }

    /**
     * Stores {@code job} with its tasks, then publishes the tasks. If they cannot be published the job is failed and
     * the exception passed on.
     */
    public StoredJob submit(NewJob job) throws TransportException {
        StoredJob accepted = store.inTransaction(transaction -> {
            transaction.create(job);
            return transaction.find(job.id()).orElseThrow();
        });
        try {
            transport.publishTasks(taskMessages(job));
        } catch (TransportException e) {
            fail(job.id(), "its tasks could not be published: " + e.getMessage());
            throw e;
        }
        log.log(System.Logger.Level.DEBUG, "Accepted {0} job {1} with {2} tasks", job.type().name(), job.id(),
                job.payloads().size());
        return accepted;
    }

    /**
     * Cancels job {@code jobId} unless it already ended: its queued tasks are cancelled and the workers told to skip
     * them.
     *
     * @return the job as it is now (CANCELLED, or the status it had already ended with); empty if there is no such job
     */
    public Optional<StoredJob> cancel(UUID jobId) throws TransportException {
        boolean cancelled = end(jobId, job -> job.cancel(clock.instant()));
        if (cancelled) {
            transport.broadcastCancel(jobId);
            log.log(System.Logger.Level.DEBUG, "Cancelled job {0}", jobId);
        }
        return store.find(jobId);
    }

    /** Fails job {@code jobId} with {@code reason} unless it already ended, like {@link #cancel}. */
    public Optional<StoredJob> fail(UUID jobId, String reason) throws TransportException {
        boolean failed = end(jobId, job -> job.fail(reason, clock.instant()));
        if (failed) {
            transport.broadcastCancel(jobId);
            log.log(System.Logger.Level.WARNING, "Failed job {0}: {1}", jobId, reason);
        }
        return store.find(jobId);
    }

    private boolean end(UUID jobId, Consumer<Job> verb) {
        return store.inTransaction(transaction -> transaction.lockJob(jobId)
                .filter(job -> !job.status().isFinal())
                .map(job -> {
                    verb.accept(job);
                    transaction.save(job);
                    transaction.cancelQueuedTasks(jobId);
                    return true;
                })
                .orElse(false));
    }

    private static List<TaskMessage> taskMessages(NewJob job) {
        List<TaskMessage> messages = new ArrayList<>(job.payloads().size());
        for (int index = 0; index < job.payloads().size(); index++) {
            messages.add(new TaskMessage(job.id(), index, job.payloads().size(), job.type().name(),
                    job.payloads().get(index)));
        }
        return messages;
    }

    private static JobDefinition define(JobType type, Map<String, Object> input, Map<String, Object> options,
                                        Capacity capacity) {
        try {
            return type.define(input, options, capacity);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidInputException("input", "the " + type.name() + " job type cannot use this input: "
                    + e.getMessage());
        }
    }
}
