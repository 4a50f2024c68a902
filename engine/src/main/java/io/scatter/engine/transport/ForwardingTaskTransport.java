package io.scatter.engine.transport;

import io.scatter.contracts.TaskMessage;
import io.scatter.contracts.TaskResultMessage;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A transport that passes every call to another: subclasses override what they add to (logging, fault injection).
 * {@link #publishResultAsync} and the prefetching {@code consumeTasks} are not passed on: they go through
 * {@link #publishResult} and {@link #consumeTasks(int, Consumer)}, so a subclass that adds to those sees every call;
 * one that wants the delegate's asynchronous publishing or prefetch overrides them.
 */
public abstract class ForwardingTaskTransport implements TaskTransport {

    private final TaskTransport delegate;

    protected ForwardingTaskTransport(TaskTransport delegate) {
        this.delegate = delegate;
    }

    protected final TaskTransport delegate() {
        return delegate;
    }

    @Override
    public void publishTasks(List<TaskMessage> tasks) throws TransportException {
        delegate.publishTasks(tasks);
    }

    @Override
    public Subscription consumeTasks(int concurrency, Consumer<TaskDelivery> handler) throws TransportException {
        return delegate.consumeTasks(concurrency, handler);
    }

    @Override
    public void publishResult(String messageId, TaskResultMessage result) throws TransportException {
        delegate.publishResult(messageId, result);
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
    public Subscription onCancel(Consumer<UUID> listener) throws TransportException {
        return delegate.onCancel(listener);
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
