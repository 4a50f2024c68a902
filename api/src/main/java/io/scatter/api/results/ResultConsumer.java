package io.scatter.api.results;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.cloudevents.CloudEvent;
import io.scatter.api.broker.ManualAckConsumer;
import io.scatter.contracts.Channels;
import io.scatter.contracts.TaskResultMessage;
import io.scatter.messaging.CloudEventAmqpCodec;
import io.scatter.messaging.MalformedMessageException;
import io.scatter.messaging.ScatterEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;

/**
 * Consumes task results with manual acknowledgement: a malformed message is rejected to the dead-letter queue, a good
 * one is acked only after {@link ResultHandler} committed it, and while the database is unavailable the result is
 * retried in place (not requeued, which would count towards the queue's delivery limit).
 */
@Component
class ResultConsumer extends ManualAckConsumer {

    private static final Logger log = LoggerFactory.getLogger(ResultConsumer.class);

    private final ResultHandler handler;

    ResultConsumer(ResultHandler handler, ResultProperties properties) {
        super(Channels.RESULTS_QUEUE, "scatter-api-results", properties.prefetch(), properties.maxBackoff());
        this.handler = handler;
    }

    /** Handles one delivery on {@code on}: decode, apply until committed (or shutdown), then ack or reject. */
    @Override
    protected void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body)
            throws IOException {
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
        Duration backoff = firstBackoff();
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
            backoff = nextBackoff(backoff);
        }
    }
}
