package io.scatter.engine.memory;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.engine.transport.DeadTask;
import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskDelivery;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The {@link TaskTransport} of local mode: in-memory task and result queues with unacked tracking, the delivery limit
 * and dead-lettering, and cancellations told synchronously to every listener. Thread-safe.
 *
 * <pre>{@code
 * try (TaskTransport transport = new InMemoryTaskTransport()) {
 *     transport.consumeTasks(4, delivery -> { compute(delivery.task()); delivery.ack(); });
 *     transport.publishTasks(tasks);
 * }
 * }</pre>
 */
public final class InMemoryTaskTransport implements TaskTransport {

    /** How long closing a consumer waits for its running handlers before it returns their deliveries anyway. */
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);

    private static final System.Logger log = System.getLogger(InMemoryTaskTransport.class.getName());

    private final MemoryQueue<TaskMessage> tasks;
    private final MemoryQueue<PublishedResult> results;
    private final List<DeadTask> deadTasks = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> cancelListeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public InMemoryTaskTransport() {
        this(DEFAULT_CLOSE_GRACE);
    }

    public InMemoryTaskTransport(Duration closeGrace) {
        this.tasks = new MemoryQueue<>("tasks", DELIVERY_LIMIT, closeGrace,
                (task, reason) -> deadTasks.add(new DeadTask(task, reason)));
        this.results = new MemoryQueue<>("results", DELIVERY_LIMIT, closeGrace,
                (result, reason) -> log.log(System.Logger.Level.WARNING, "Dead-lettered result message {0} (task {1}"
                        + " of job {2}): {3}", result.messageId(), result.result().taskIndex(),
                        result.result().jobId(), reason));
    }

    @Override
    public void publishTasks(List<TaskMessage> messages) throws TransportException {
        ensureOpen();
        messages.forEach(message -> Objects.requireNonNull(message, "task"));
        tasks.offer(messages);
    }

    @Override
    public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        ensureOpen();
        Objects.requireNonNull(handler, "handler");
        return tasks.consume(concurrency, lease -> handler.accept(new MemoryTaskDelivery(lease)));
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        ensureOpen();
        results.offer(List.of(new PublishedResult(messageId, result)));
    }

    @Override
    public Subscription consumeResults(Consumer<ResultDelivery> handler) throws TransportException {
        ensureOpen();
        Objects.requireNonNull(handler, "handler");
        return results.consume(1, lease -> handler.accept(new MemoryResultDelivery(lease)));
    }

    @Override
    public void broadcastCancel(UUID jobId) throws TransportException {
        ensureOpen();
        Objects.requireNonNull(jobId, "jobId");
        for (Consumer<UUID> listener : cancelListeners) {
            try {
                listener.accept(jobId);
            } catch (RuntimeException e) {
                log.log(System.Logger.Level.WARNING, "A cancel listener failed on job " + jobId, e);
            }
        }
    }

    @Override
    public Subscription onCancel(Consumer<UUID> listener) throws TransportException {
        ensureOpen();
        Consumer<UUID> registered = Objects.requireNonNull(listener, "listener")::accept;
        cancelListeners.add(registered);
        return () -> cancelListeners.remove(registered);
    }

    @Override
    public List<DeadTask> deadTasks() {
        return new ArrayList<>(deadTasks);
    }

    /** Closes every consumer (their unsettled deliveries return to the queues) and refuses further use. */
    @Override
    public void close() {
        closed = true;
        tasks.close();
        results.close();
        cancelListeners.clear();
    }

    private void ensureOpen() throws TransportException {
        if (closed) {
            throw new TransportException("the in-memory transport is closed");
        }
    }

    /** A result as published: its message id travels with it, so every redelivery carries the same id. */
    private record PublishedResult(String messageId, TaskResultMessage result) {

        PublishedResult {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(result, "result");
        }
    }

    private static final class MemoryTaskDelivery implements TaskDelivery {

        private final MemoryQueue.Lease<TaskMessage> lease;

        private MemoryTaskDelivery(MemoryQueue.Lease<TaskMessage> lease) {
            this.lease = lease;
        }

        @Override
        public TaskMessage task() {
            return lease.message();
        }

        @Override
        public int attempt() {
            return lease.attempt();
        }

        @Override
        public int returns() {
            return lease.returns();
        }

        @Override
        public int maxAttempts() {
            return lease.deliveryLimit();
        }

        @Override
        public void defer() {
            lease.defer();
        }

        @Override
        public void ack() {
            lease.ack();
        }

        @Override
        public void reject(String reason) {
            lease.reject(reason);
        }

        @Override
        public void requeue() {
            lease.requeue();
        }
    }

    private static final class MemoryResultDelivery implements ResultDelivery {

        private final MemoryQueue.Lease<PublishedResult> lease;

        private MemoryResultDelivery(MemoryQueue.Lease<PublishedResult> lease) {
            this.lease = lease;
        }

        @Override
        public String messageId() {
            return lease.message().messageId();
        }

        @Override
        public TaskResultMessage result() {
            return lease.message().result();
        }

        @Override
        public void ack() {
            lease.ack();
        }

        @Override
        public void reject(String reason) {
            lease.reject(reason);
        }

        @Override
        public void requeue() {
            lease.requeue();
        }
    }
}
