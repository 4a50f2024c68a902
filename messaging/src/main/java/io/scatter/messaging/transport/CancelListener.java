package io.scatter.messaging.transport;

import com.rabbitmq.client.Channel;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.engine.transport.Subscription;
import io.scatter.messaging.FanOutListener;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

/** Passes on the ids of cancelled jobs broadcast on the control fan-out exchange, through a queue of its own. */
final class CancelListener implements Subscription {

    private final FanOutListener<JobCancelledMessage> listener;

    CancelListener(Channel channel, Consumer<UUID> listener, Consumer<CancelListener> onClose) {
        this.listener = new FanOutListener<>(channel, "cancellation", JobCancelledMessage.TYPE,
                JobCancelledMessage.class, cancelled -> listener.accept(cancelled.jobId()),
                () -> onClose.accept(this));
    }

    /** Declares the private queue, binds it to {@code exchange} and starts consuming. */
    void start(String exchange) throws IOException {
        listener.start(exchange, JobCancelledMessage.ROUTING_KEY, null);
    }

    @Override
    public void close() {
        listener.close();
    }
}
