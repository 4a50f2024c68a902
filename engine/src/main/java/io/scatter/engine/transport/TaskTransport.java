package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Carries tasks from the publisher to the workers and results back, at least once: RabbitMQ in a cluster, in-memory
 * queues in local mode. Every adapter passes the same contract suite ({@code TaskTransportContract} in this
 * module's test jar).
 *
 * <p>Delivery rules every adapter keeps:
 * <ul>
 *   <li>a publish returns only once the message is safe (confirmed by the broker, or queued in memory);</li>
 *   <li>a delivery that is neither acked nor rejected when its consumer goes away (a crash, a closed subscription) is
 *       delivered again, with {@link TaskDelivery#attempt()} one higher;</li>
 *   <li>a task delivered {@link #DELIVERY_LIMIT} times without an ack, or rejected, is dead-lettered, never looped;</li>
 *   <li>a cancellation reaches every cancel listener subscribed at the time.</li>
 * </ul>
 */
public interface TaskTransport extends AutoCloseable {

    /** How many times a task is delivered before it is dead-lettered. */
    int DELIVERY_LIMIT = io.scatter.contracts.Channels.DELIVERY_LIMIT;

    /** Publishes tasks; returns once every one of them is safe. */
    void publishTasks(List<TaskMessage> tasks) throws TransportException;

    /**
     * Delivers tasks to {@code handler}, at most {@code concurrency} unsettled at a time, each on a thread of the
     * adapter's own; the handler settles each delivery with ack, reject or requeue.
     */
    Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException;

    /**
     * As {@link #consumeTasks(int, Consumer)}, handling {@code concurrency} tasks at a time but holding up to
     * {@code prefetch} unsettled: those beyond {@code concurrency} wait in this process for a free thread, and return
     * to the queue unsettled if the subscription closes first. Adapters without a prefetch hold {@code concurrency}.
     */
    default Subscription consumeTasks(int concurrency, int prefetch, Consumer<TaskDelivery> handler)
            throws TransportException {
        return consumeTasks(concurrency, handler);
    }

    /** Publishes a task's result under {@code messageId}; returns once it is safe. */
    void publishResult(String messageId, TaskResultMessage result) throws TransportException;

    /**
     * Publishes a task's result under {@code messageId} without waiting for it to be safe: the stage completes once it
     * is, or exceptionally with a {@link TransportException} when it may not be (a nack, a lost channel, a timeout).
     * Adapters may complete it later on a thread of their own, so the caller can go on meanwhile; the default
     * publishes at once, on the caller's thread.
     */
    default CompletionStage<Void> publishResultAsync(String messageId, TaskResultMessage result) {
        try {
            publishResult(messageId, result);
            return CompletableFuture.completedFuture(null);
        } catch (TransportException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Delivers results to {@code handler}, one at a time, which settles each delivery. */
    Subscription consumeResults(Consumer<ResultDelivery> handler) throws TransportException;

    /** Tells every cancel listener that job {@code jobId} was cancelled. */
    void broadcastCancel(UUID jobId) throws TransportException;

    /** Calls {@code listener} with the id of every job cancelled from now on. */
    Subscription onCancel(Consumer<UUID> listener) throws TransportException;

    /** Tasks dead-lettered so far (rejected, malformed or past the delivery limit), oldest first. */
    List<DeadTask> deadTasks() throws TransportException;

    @Override
    void close();
}
