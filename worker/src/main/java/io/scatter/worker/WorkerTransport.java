package io.scatter.worker;

import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.ForwardingTaskTransport;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The worker's view of its transport: passes everything on, and adds what the process needs around
 * {@link io.scatter.engine.worker.TaskRunner}. It logs each result as it is published and each cancellation, and
 * once the shutdown grace has run out it refuses to publish, so a task abandoned after the grace (its delivery
 * already returned to the queue) never gets a result from this worker.
 */
final class WorkerTransport extends ForwardingTaskTransport {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private volatile boolean stopping;
    private volatile long graceEndsAt;

    WorkerTransport(TaskTransport delegate) {
        super(delegate);
    }

    /** From now on results may be published only for {@code grace}; after it, publishing fails. */
    void stopping(Duration grace) {
        graceEndsAt = System.nanoTime() + grace.toNanos();
        stopping = true;
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        refuseAfterGrace();
        delegate().publishResult(messageId, result);
        logPublished(result);
    }

    /**
     * Publishes through the delegate without waiting for the confirm (refused once the shutdown grace ran out); logs
     * the result here, on the computing thread, as it goes out.
     */
    @Override
    public CompletionStage<Void> publishResultAsync(String messageId, TaskResultMessage result) {
        try {
            refuseAfterGrace();
        } catch (TransportException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletionStage<Void> published = delegate().publishResultAsync(messageId, result);
        logPublished(result);
        return published;
    }

    private void refuseAfterGrace() throws TransportException {
        if (stopping && System.nanoTime() - graceEndsAt >= 0) {
            throw new TransportException("the shutdown grace ran out; the task was abandoned to the broker");
        }
    }

    private static void logPublished(TaskResultMessage result) {
        log.info("task {} of {} job {} {} in {} ms (attempt {})", result.taskIndex() + 1, result.jobType(),
                result.jobId(),
                result.outcome() == TaskResultMessage.Outcome.SUCCEEDED ? "succeeded" : "failed: " + result.error(),
                Duration.between(result.startedAt(), result.finishedAt()).toMillis(), result.attempt());
    }

    @Override
    public Subscription consumeTasks(int concurrency, int prefetch, Consumer<TaskDelivery> handler)
            throws TransportException {
        return delegate().consumeTasks(concurrency, prefetch, handler);
    }

    @Override
    public Subscription onCancel(Consumer<UUID> listener) throws TransportException {
        return delegate().onCancel(jobId -> {
            listener.accept(jobId);
            log.info("Job {} was cancelled; its remaining tasks will be skipped", jobId);
        });
    }
}
