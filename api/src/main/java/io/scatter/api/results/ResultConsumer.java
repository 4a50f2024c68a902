package io.scatter.api.results;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.cloudevents.CloudEvent;
import io.scatter.api.broker.BrokerListener;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.BrokerConnection;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Consumes task results with manual acknowledgement: a malformed message is rejected to the dead-letter queue, a good
 * one is acked only after {@link ResultHandler} committed it, and while the database is unavailable the result is
 * retried in place (not requeued, which would count towards the queue's delivery limit).
 */
@Component
class ResultConsumer implements BrokerListener {

    private static final Logger log = LoggerFactory.getLogger(ResultConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private final ResultHandler handler;
    private final ResultProperties properties;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile Channel channel;

    ResultConsumer(ResultHandler handler, ResultProperties properties) {
        this.handler = handler;
        this.properties = properties;
    }

    @Override
    public void connected(BrokerConnection connection) throws IOException {
        Channel opened = connection.openChannel();
        opened.basicQos(properties.prefetch());
        opened.basicConsume(Channels.RESULTS_QUEUE, false, "scatter-api-results", new DefaultConsumer(opened) {
            @Override
            public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties messageProperties,
                                       byte[] body) throws IOException {
                deliver(opened, envelope.getDeliveryTag(), messageProperties, body);
            }
        });
        channel = opened;
        log.info("Consuming task results from {}", Channels.RESULTS_QUEUE);
    }

    @Override
    public void disconnecting() {
        stopping.countDown();
        Channel open = channel;
        if (open != null && open.isOpen()) {
            try {
                open.close();
            } catch (IOException | TimeoutException | RuntimeException e) {
                log.debug("Closing the result channel failed", e);
            }
        }
    }

    /** Handles one delivery on {@code on}: decode, apply until committed (or shutdown), then ack or reject. */
    void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body) throws IOException {
        String messageId;
        TaskResultMessage result;
        try {
            CloudEvent event = CloudEventAmqpCodec.decode(messageProperties, body);
            result = ScatterEvents.data(event, TaskResultMessage.class);
            messageId = event.getId();
        } catch (MalformedMessageException e) {
            log.warn("Dead-lettering malformed result message {}: {}", messageProperties.getMessageId(),
                    e.getMessage());
            on.basicReject(deliveryTag, false);
            return;
        }
        Duration backoff = FIRST_BACKOFF.compareTo(properties.maxBackoff()) < 0 ? FIRST_BACKOFF : properties.maxBackoff();
        while (true) {
            try {
                handler.handle(messageId, result);
                on.basicAck(deliveryTag, false);
                return;
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    log.error("Dead-lettering result message {} (task {} of job {}): it cannot be applied", messageId,
                            result.taskIndex(), result.jobId(), e);
                    on.basicReject(deliveryTag, false);
                    return;
                }
                log.warn("Database unavailable applying result message {} ({}); retrying in {} ms", messageId,
                        e.getMessage(), backoff.toMillis());
            }
            if (awaitStop(backoff)) {
                log.info("Shutting down before result message {} was applied; the broker keeps it", messageId);
                return;
            }
            backoff = backoff.multipliedBy(2);
            if (backoff.compareTo(properties.maxBackoff()) > 0) {
                backoff = properties.maxBackoff();
            }
        }
    }

    private boolean awaitStop(Duration pause) {
        try {
            return stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
