package io.scatter.engine.result;

import io.scatter.engine.transport.ResultDelivery;
import io.scatter.engine.transport.Subscription;
import io.scatter.engine.transport.TaskTransport;
import io.scatter.engine.transport.TransportException;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Consumes task results from a {@link TaskTransport} and applies each through the {@link ResultAggregator}: acked only
 * once committed, requeued when the store failed (so the transport's delivery limit bounds a result that can never be
 * applied); a result that failed its job has the job's tasks withdrawn from every worker by a cancel broadcast.
 *
 * <pre>{@code
 * Subscription results = new ResultInbox(transport, new ResultAggregator(store), applied -> { }).start();
 * }</pre>
 */
public final class ResultInbox {

    private static final System.Logger log = System.getLogger(ResultInbox.class.getName());

    private final TaskTransport transport;
    private final ResultAggregator aggregator;
    private final Consumer<Aggregation> listener;

    /** {@code listener} hears of every result handled, after it was committed and acked, on the consuming thread. */
    public ResultInbox(TaskTransport transport, ResultAggregator aggregator, Consumer<Aggregation> listener) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.aggregator = Objects.requireNonNull(aggregator, "aggregator");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts consuming results; closing the subscription stops it. */
    public Subscription start() throws TransportException {
        return transport.consumeResults(this::handle);
    }

    /** Applies one delivery and settles it. */
    public void handle(ResultDelivery delivery) {
        Aggregation applied;
        try {
            applied = aggregator.apply(delivery.messageId(), delivery.result());
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "Could not apply result message " + delivery.messageId()
                    + "; returning it to the queue", e);
            delivery.requeue();
            return;
        }
        if (applied.failedTheJob()) {
            withdrawTasks(applied);
        }
        delivery.ack();
        try {
            listener.accept(applied);
        } catch (RuntimeException e) {
            log.log(System.Logger.Level.WARNING, "A result listener failed", e);
        }
    }

    private void withdrawTasks(Aggregation applied) {
        try {
            transport.broadcastCancel(applied.job().id());
        } catch (TransportException e) {
            log.log(System.Logger.Level.WARNING, "Could not tell the workers to skip the tasks of failed job "
                    + applied.job().id() + "; they compute them and their results are ignored", e);
        }
    }
}
