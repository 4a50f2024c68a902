package io.scatter.api.outbox;

import io.opentelemetry.context.Context;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.contracts.TaskMessage;
import io.scatter.messaging.ScatterEvents;
import io.scatter.messaging.tracing.Tracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The transactional outbox: messages are stored in the caller's transaction, so they are published (by
 * {@link OutboxRelay}) if and only if the change they announce commits — at once after the commit, which wakes the
 * relay, or at its next round. Each row remembers the trace context it was queued in, for the relay's publish span.
 */
@Component
public class Outbox {

    private final OutboxRepository repository;
    private final Tracing tracing;
    /** Looked up when needed: the relay depends on the broker, whose listeners depend on this outbox. */
    private final ObjectProvider<OutboxRelay> relay;
    /** The relay once looked up: resolving it through the provider on every commit costs a bean-factory search. */
    private volatile OutboxRelay resolvedRelay;

    Outbox(OutboxRepository repository, ObjectProvider<OutboxRelay> relay, Tracing tracing) {
        this.repository = repository;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** Queues one message per task, each with the job id as subject. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueTasks(List<TaskMessage> tasks) {
        wakeRelayAfterCommit();
        Map<String, String> traceContext = tracing.inject(Context.current());
        repository.insertAll(tasks.stream().map(task -> row(TaskMessage.TYPE, TaskMessage.EXCHANGE,
                TaskMessage.ROUTING_KEY, task.jobId(), task, traceContext)).toList());
    }

    /** Queues the broadcast telling workers to skip the tasks of job {@code jobId}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueJobCancelled(UUID jobId) {
        wakeRelayAfterCommit();
        repository.insertAll(List.of(row(JobCancelledMessage.TYPE, JobCancelledMessage.EXCHANGE,
                JobCancelledMessage.ROUTING_KEY, jobId, new JobCancelledMessage(jobId),
                tracing.inject(Context.current()))));
    }

    /** Withdraws the task messages of job {@code jobId} not yet sent; returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int discardUnsentTasks(UUID jobId) {
        return repository.deleteUnsent(jobId.toString(), TaskMessage.TYPE);
    }

    /**
     * Whether a message of task {@code taskIndex} of job {@code jobId} was queued after {@code since} (and not
     * withdrawn or purged since), e.g. by another API replica recovering the task.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean taskQueuedSince(UUID jobId, int taskIndex, Instant since) {
        return repository.taskQueuedSince(jobId.toString(), taskIndex, since);
    }

    /** Once the caller's transaction commits, the relay sends what it queued without waiting for its next round. */
    private void wakeRelayAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                OutboxRelay current = relay();
                if (current != null) {
                    current.wake();
                }
            }
        });
    }

    private OutboxRelay relay() {
        OutboxRelay current = resolvedRelay;
        if (current == null) {
            current = relay.getIfAvailable();
            resolvedRelay = current;
        }
        return current;
    }

    private static OutboxRow row(String type, String exchange, String routingKey, UUID jobId, Object message,
                                 Map<String, String> traceContext) {
        return new OutboxRow(UUID.fromString(ScatterEvents.newId()), type, exchange, routingKey, jobId.toString(),
                new String(ScatterEvents.toJson(message), StandardCharsets.UTF_8), Instant.EPOCH, traceContext);
    }
}
