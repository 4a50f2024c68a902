package io.scatter.worker;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The worker's view of its transport: passes everything on, and adds what the process needs around
 * {@link io.scatter.engine.worker.TaskRunner}. It logs each published result, remembers which cancellations reached
 * the runner, and once the shutdown grace has run out it refuses to publish, so a task abandoned after the grace (its
 * delivery already returned to the queue) never gets a result from this worker.
 */
final class WorkerTransport implements TaskTransport {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final int REMEMBERED_CANCELLATIONS = 10_000;

    private final TaskTransport delegate;
    private final Map<UUID, Boolean> cancelled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_CANCELLATIONS;
        }
    };
    private volatile boolean stopping;
    private volatile long graceEndsAt;

    WorkerTransport(TaskTransport delegate) {
        this.delegate = delegate;
    }

    /** From now on results may be published only for {@code grace}; after it, publishing fails. */
    void stopping(Duration grace) {
        graceEndsAt = System.nanoTime() + grace.toNanos();
        stopping = true;
    }

    /** Whether a cancellation of {@code jobId} has been passed to the runner. */
    synchronized boolean isCancelled(UUID jobId) {
        return cancelled.containsKey(jobId);
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        if (stopping && System.nanoTime() - graceEndsAt >= 0) {
            throw new TransportException("the shutdown grace ran out; the task was abandoned to the broker");
        }
        delegate.publishResult(messageId, result);
        log.info("task {} of {} job {} {} in {} ms (attempt {})", result.taskIndex() + 1, result.jobType(),
                result.jobId(),
                result.outcome() == TaskResultMessage.Outcome.SUCCEEDED ? "succeeded" : "failed: " + result.error(),
                Duration.between(result.startedAt(), result.finishedAt()).toMillis(), result.attempt());
    }

    @Override
    public Subscription onCancel(Consumer<UUID> listener) throws TransportException {
        return delegate.onCancel(jobId -> {
            listener.accept(jobId);
            synchronized (this) {
                cancelled.put(jobId, Boolean.TRUE);
            }
            log.info("Job {} was cancelled; its remaining tasks will be skipped", jobId);
        });
    }

    @Override
    public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        return delegate.consumeTasks(concurrency, handler);
    }

    @Override
    public void publishTasks(List<TaskMessage> tasks) throws TransportException {
        delegate.publishTasks(tasks);
    }

    @Override
    public Subscription consumeResults(Consumer<ResultDelivery> handler) throws TransportException {
        return delegate.consumeResults(handler);
    }

    @Override
    public void broadcastCancel(UUID jobId) throws TransportException {
        delegate.broadcastCancel(jobId);
    }

    @Override
    public List<DeadTask> deadTasks() throws TransportException {
        return delegate.deadTasks();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
