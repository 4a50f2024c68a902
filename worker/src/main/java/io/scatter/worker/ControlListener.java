package io.scatter.worker;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import io.cloudevents.CloudEvent;
import io.scatter.contracts.Channels;
import io.scatter.contracts.JobCancelledMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Listens to the control fan-out exchange on a private, server-named queue and remembers the jobs that were
 * cancelled, so their remaining tasks are skipped.
 */
final class ControlListener extends DefaultConsumer {

    private static final Logger log = LoggerFactory.getLogger(ControlListener.class);

    private final CancelledJobs cancelledJobs;

    ControlListener(Channel channel, CancelledJobs cancelledJobs) {
        super(channel);
        this.cancelledJobs = cancelledJobs;
    }

    /** Declares the private queue, binds it to {@link Channels#CONTROL_EXCHANGE} and starts consuming. */
    void start() throws IOException {
        String queue = getChannel().queueDeclare("", false, true, true, null).getQueue();
        getChannel().queueBind(queue, Channels.CONTROL_EXCHANGE, JobCancelledMessage.ROUTING_KEY);
        getChannel().basicConsume(queue, true, this);
        log.debug("Listening for control messages on {}", queue);
    }

    void close() {
        try {
            if (getChannel().isOpen()) {
                getChannel().close();
            }
        } catch (IOException | ShutdownSignalException | TimeoutException e) {
            log.debug("Closing the control channel failed", e);
        }
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(properties, body);
            if (!JobCancelledMessage.TYPE.equals(event.getType())) {
                log.debug("Ignoring control message of type {}", event.getType());
                return;
            }
            JobCancelledMessage cancelled = ScatterEvents.data(event, JobCancelledMessage.class);
            cancelledJobs.add(cancelled.jobId());
            log.info("Job {} was cancelled; its remaining tasks will be skipped", cancelled.jobId());
        } catch (MalformedMessageException e) {
            log.warn("Ignoring malformed control message: {}", e.getMessage());
        }
    }
}
