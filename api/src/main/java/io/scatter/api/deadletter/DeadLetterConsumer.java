package io.scatter.api.deadletter;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import io.scatter.api.broker.ManualAckConsumer;
import io.scatter.api.results.TransientFailures;
import io.scatter.contracts.Channels;
import io.scatter.messaging.transport.DeadLetterMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Consumes {@link Channels#TASKS_DEAD_LETTER_QUEUE} with manual acknowledgement and hands each message to the
 * {@link DeadLetterHandler}: acked only once it is stored. A dead letter is never dropped: while the database is
 * unavailable it is retried in place; one that cannot be applied (a failure retrying cannot fix) is stored without
 * failing its job; and one that cannot be stored at all goes back to the queue.
 */
@Component
class DeadLetterConsumer extends ManualAckConsumer {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterConsumer.class);

    private final DeadLetterHandler handler;
    private final DeadLetterProperties properties;
    private final Clock clock;

    DeadLetterConsumer(DeadLetterHandler handler, DeadLetterProperties properties, Clock clock) {
        super(Channels.TASKS_DEAD_LETTER_QUEUE, "scatter-api-dead-letters", properties.prefetch(),
                properties.maxBackoff());
        this.handler = handler;
        this.properties = properties;
        this.clock = clock;
    }

    /** Handles one delivery on {@code on}: read, store until committed (or shutdown), then ack. */
    @Override
    protected void deliver(Channel on, long deliveryTag, AMQP.BasicProperties messageProperties, byte[] body)
            throws IOException {
        DeadLetterMessage message = DeadLetterMessage.read(messageProperties, body, clock.instant());
        Duration backoff = firstBackoff();
        boolean applying = true;
        while (true) {
            try {
                if (applying) {
                    handler.handle(message);
                } else {
                    handler.storeOnly(message);
                }
                on.basicAck(deliveryTag, false);
                return;
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    log.warn("Database unavailable storing {} ({}); retrying in {} ms", message, e.getMessage(),
                            backoff.toMillis());
                } else if (applying) {
                    log.error("Cannot fail the job of {}; storing it without doing so", message, e);
                    applying = false;
                    continue;
                } else {
                    log.error("Cannot store {}; returning it to the queue", message, e);
                    if (!awaitStop(properties.maxBackoff())) {
                        on.basicNack(deliveryTag, false, true);
                    }
                    return;
                }
            }
            if (awaitStop(backoff)) {
                log.info("Shutting down before {} was stored; the broker keeps it", message);
                return;
            }
            backoff = nextBackoff(backoff);
        }
    }
}
