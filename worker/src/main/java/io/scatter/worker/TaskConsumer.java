package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.scatter.contracts.Channels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Consumes {@link Channels#TASKS_QUEUE} with manual acknowledgements and a prefetch of one message per compute
 * thread, handing each delivery to the compute pool.
 */
final class TaskConsumer extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(TaskConsumer.class);

    private final ComputePool pool;
    private final TaskHandler handler;
    private final Consumer<String> onChannelLost;
    private volatile String consumerTag;

    TaskConsumer(Channel channel, ComputePool pool, TaskHandler handler, Consumer<String> onChannelLost) {
        super(channel);
        this.pool = pool;
        this.handler = handler;
        this.onChannelLost = onChannelLost;
    }

    /** Sets the prefetch to {@code prefetch} and starts consuming. */
    void start(int prefetch) throws IOException {
        getChannel().basicQos(prefetch);
        consumerTag = getChannel().basicConsume(Channels.TASKS_QUEUE, false, this);
    }

    /** Asks the broker to send no more tasks; the unacknowledged ones stay with this channel until it closes. */
    void stop() {
        String tag = consumerTag;
        if (tag == null || !getChannel().isOpen()) {
            return;
        }
        try {
            getChannel().basicCancel(tag);
        } catch (IOException | ShutdownSignalException e) {
            log.warn("Could not cancel the task consumer: {}", e.getMessage());
        }
    }

    /** Closes the channel without acknowledging anything, so the broker returns unacknowledged tasks to the queue. */
    void close() {
        try {
            if (getChannel().isOpen()) {
                getChannel().close();
            }
        } catch (IOException | ShutdownSignalException | TimeoutException e) {
            log.debug("Closing the task channel failed", e);
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        TaskDelivery delivery = new TaskDelivery(getChannel(), envelope.getDeliveryTag(), properties, body);
        try {
            pool.execute(() -> handler.handle(delivery));
        } catch (RejectedExecutionException e) {
            log.info("Returning {} to the queue: the worker is stopping", delivery.label());
            delivery.requeue();
        }
    }

    @Override
    public void handleCancel(String tag) {
        log.error("The broker cancelled the task consumer (was {} deleted?)", Channels.TASKS_QUEUE);
        onChannelLost.accept("the broker cancelled the task consumer");
    }

    @Override
    public void handleShutdownSignal(String tag, ShutdownSignalException signal) {
        if (signal.isInitiatedByApplication()) {
            return;
        }
        if (signal.isHardError()) {
            log.warn("Lost the connection to RabbitMQ ({}); unacknowledged tasks return to the queue, recovering",
                    signal.getMessage());
        } else {
            log.error("The broker closed the task channel: {}", signal.getMessage());
            onChannelLost.accept("the broker closed the task channel: " + signal.getMessage());
        }
    }
}
